using Safedrop.Api.Identity;
using Safedrop.Api.Storage;
using Safedrop.Api.Workflows.Events;

namespace Safedrop.Api.Workflows.Engine.Copy;

/// <summary>
/// Where a workflow already copied each file of an event (<c>workflows/copies/{event hour}/{workflow}/{eventId}/{file}.json</c>),
/// so a retried or redelivered run does not copy a file twice (at-least-once runs, at-most-once copies). Filed by the
/// event's hour, as the run idempotency keys are, so retention drops them with the events.
/// </summary>
public sealed class CopyMarkers(IObjectStore store)
{
    public const string Prefix = "workflows/copies/";

    public Task<CopyMarker?> GetAsync(string workflow, WorkflowEvent workflowEvent, string file, CancellationToken cancellationToken) =>
        JsonRecords.GetAsync<CopyMarker>(store, Key(workflow, workflowEvent, file), cancellationToken);

    public Task SaveAsync(string workflow, WorkflowEvent workflowEvent, string file, CopyMarker marker, CancellationToken cancellationToken) =>
        JsonRecords.PutAsync(store, Key(workflow, workflowEvent, file), marker, cancellationToken);

    private static string Key(string workflow, WorkflowEvent workflowEvent, string file) =>
        $"{Prefix}{WorkflowEventKeys.Hour(workflowEvent.OccurredAt)}/{workflow}/{workflowEvent.Id}/"
        + $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(file)))[..32]}.json";
}

/// <param name="Path">Where the file went in <paramref name="Workspace"/>.</param>
public sealed record CopyMarker(string Workspace, string Path, DateTimeOffset At);
