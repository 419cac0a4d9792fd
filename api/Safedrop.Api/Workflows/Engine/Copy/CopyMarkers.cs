using Safedrop.Api.Identity;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Workflows.Engine.Copy;

/// <summary>
/// Where a workflow already copied each file of an event (<c>workflows/copies/{workflow}/{eventId}/{file}.json</c>), so a
/// retried or redelivered run does not copy a file twice (at-least-once runs, at-most-once copies).
/// </summary>
public sealed class CopyMarkers(IObjectStore store)
{
    public Task<CopyMarker?> GetAsync(string workflow, string eventId, string file, CancellationToken cancellationToken) =>
        JsonRecords.GetAsync<CopyMarker>(store, Key(workflow, eventId, file), cancellationToken);

    public Task SaveAsync(string workflow, string eventId, string file, CopyMarker marker, CancellationToken cancellationToken) =>
        JsonRecords.PutAsync(store, Key(workflow, eventId, file), marker, cancellationToken);

    private static string Key(string workflow, string eventId, string file) =>
        $"workflows/copies/{workflow}/{eventId}/{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(file)))[..32]}.json";
}

/// <param name="Path">Where the file went in <paramref name="Workspace"/>.</param>
public sealed record CopyMarker(string Workspace, string Path, DateTimeOffset At);
