using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Safedrop.Api.Packages;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// Shares made through the API (SPEC §3: runtime state kept by the API), one JSON record per address under
/// <c>workspaces/{name}/shares/{address key}.json</c>. The address key is a hash, so a listing of the bucket
/// shows no e-mail address. Revoked and rejected shares stay as records (the answer to "what happened to my
/// share"); only <see cref="ShareStatus.Invited"/> ones grant anything.
/// </summary>
public sealed class WorkspaceShareStore(IObjectStore store) : IWorkspaceShares
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Prefix(string workspace) => $"workspaces/{workspace}/shares/";

    public static string Key(string workspace, string email) => $"{Prefix(workspace)}{PackageStore.AddressKey(email)}.json";

    public async Task<IReadOnlyList<WorkspaceShare>> ListAsync(string workspace, CancellationToken cancellationToken)
    {
        var result = new List<WorkspaceShare>();
        await foreach (var record in ListRecordsAsync(workspace, cancellationToken)) result.Add(record.ToShare());
        return result;
    }

    /// <summary>Every share record of a Workspace, whatever its status, in key order.</summary>
    public async IAsyncEnumerable<ShareRecord> ListRecordsAsync(string workspace, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var entry in store.ListAsync(Prefix(workspace), cancellationToken)) keys.Add(entry.Key);
        foreach (var key in keys)
        {
            if (await ReadAsync(key, cancellationToken) is { } record) yield return record;
        }
    }

    public Task<ShareRecord?> GetAsync(string workspace, string email, CancellationToken cancellationToken) =>
        ReadAsync(Key(workspace, email), cancellationToken);

    public async Task SaveAsync(ShareRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record, Json);
        using var content = new MemoryStream(bytes, writable: false);
        await store.PutAsync(Key(record.Workspace, record.Email), content, bytes.Length, cancellationToken);
    }

    private async Task<ShareRecord?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(key, cancellationToken);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<ShareRecord>(stream, Json, cancellationToken);
    }
}
