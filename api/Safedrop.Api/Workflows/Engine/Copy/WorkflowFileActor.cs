using Safedrop.Api.Audit;
using Safedrop.Api.Workspaces;

namespace Safedrop.Api.Workflows.Engine.Copy;

/// <summary>
/// A workflow writing into a Workspace with its owner's role: the tree records the owner, the audit log names the
/// workflow and the event too, and the file starts no workflow (a copy into a watched folder must not loop).
/// </summary>
public sealed record WorkflowFileActor(RoleHolder Owner, string Workflow, string EventId) : IFileActor
{
    public string RecordedAs => Owner.RecordedAs;

    public bool StartsWorkflows => false;

    public AuditEvent Event(string action, string workspace, WorkspacePath path, AuditOutcome outcome, string? rule, Dictionary<string, string> details)
    {
        ArgumentNullException.ThrowIfNull(details);
        details["workflow"] = Workflow;
        details["event"] = EventId;
        return Owner.Event(action, workspace, path, outcome, rule, details);
    }
}
