using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// Web links in object storage: the record under <c>weblinks/{id}.json</c> (found by the token's id without
/// knowing the Workspace) and an empty marker under <c>workspaces/{name}/links/{id}</c> for the Workspace's list.
/// Revoked links keep their record, so their holders learn they were revoked rather than that they never were.
/// </summary>
public sealed class WebLinkStore(IObjectStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static string RecordKey(string id) => $"weblinks/{id}.json";

    private static string IndexPrefix(string workspace) => $"workspaces/{workspace}/links/";

    public async Task<WebLinkRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(RecordKey(id), cancellationToken);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<WebLinkRecord>(stream, Json, cancellationToken);
    }

    public async Task SaveAsync(WebLinkRecord link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(link, Json);
        using var content = new MemoryStream(bytes, writable: false);
        await store.PutAsync(RecordKey(link.Id), content, bytes.Length, cancellationToken);
        await store.PutAsync(IndexPrefix(link.Workspace) + link.Id, Stream.Null, 0, cancellationToken);
    }

    public async IAsyncEnumerable<WebLinkRecord> ListAsync(string workspace, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = IndexPrefix(workspace);
        var ids = new List<string>();
        await foreach (var entry in store.ListAsync(prefix, cancellationToken)) ids.Add(entry.Key[prefix.Length..]);
        foreach (var id in ids)
        {
            // The record belongs to this Workspace unless a marker was left behind by hand: check, never trust the index.
            if (await GetAsync(id, cancellationToken) is { } link && string.Equals(link.Workspace, workspace, StringComparison.Ordinal))
                yield return link;
        }
    }
}
