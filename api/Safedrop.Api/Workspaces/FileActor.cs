using Safedrop.Api.Audit;

namespace Safedrop.Api.Workspaces;

/// <summary>
/// Whom a file operation is done for once access was decided — a signed-in user holding a role, or the holder
/// of a web link — so that one upload and one download path serve both and each is recorded as what it is.
/// </summary>
public interface IFileActor
{
    /// <summary>What the tree records as the file's last writer: an address, or <c>weblink:{id}</c>.</summary>
    string RecordedAs { get; }

    /// <summary>Whether a file this actor stores emits WorkspaceFileUploaded; false for a workflow's own copies.</summary>
    bool StartsWorkflows => true;

    /// <summary>The audit event of a file operation (<paramref name="action"/> is the Workspace file action); the actor adds what its access rests on.</summary>
    AuditEvent Event(string action, string workspace, WorkspacePath path, AuditOutcome outcome, string? rule, Dictionary<string, string> details);
}

/// <summary>A signed-in user whose role allowed the operation; events name the role.</summary>
public sealed record RoleHolder(WorkspaceActor Actor, EffectiveRole Role) : IFileActor
{
    public string RecordedAs => Actor.Address.Value;

    public AuditEvent Event(string action, string workspace, WorkspacePath path, AuditOutcome outcome, string? rule, Dictionary<string, string> details)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(details);
        details["role"] = Role.Role.ToString();
        return Actor.Event(action, workspace, path.Value, outcome, rule, details);
    }
}
