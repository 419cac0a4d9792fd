using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Events;

/// <summary>
/// Something that happened to an item a user owns. <see cref="PackageOwnerId"/> is that user's normalised address:
/// a workflow only ever sees events whose owner is its own owner. One fact about several owners (a package for three
/// recipients) is one event per owner. Stored as <c>workflows/events/{yyyyMMddHH}/{id}.json</c> and sent as the
/// webhook body.
/// </summary>
public sealed record WorkflowEvent(string Id, WorkflowTrigger Type, DateTimeOffset OccurredAt, string PackageOwnerId)
{
    public string? PackageId { get; init; }
    public string? Dropzone { get; init; }
    public string? Workspace { get; init; }
    /// <summary>Who sent the package or uploaded the file (an address, or <c>weblink:{id}</c>).</summary>
    public string? Sender { get; init; }
    public IReadOnlyList<string> FileNames { get; init; } = [];
    /// <summary>The file's path in the Workspace (WorkspaceFileUploaded).</summary>
    public string? Path { get; init; }

    /// <summary>The object key the event is recorded under.</summary>
    public string StorageKey => WorkflowEventKeys.Event(OccurredAt, Id);
}
