using Safedrop.Api.Audit;
using Safedrop.Api.Http;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// Decides whether the caller may share (or manage web links of) a Workspace: its owner or an internal CoOwner,
/// by the one role resolution of <see cref="WorkspaceAccess"/>. External collaborators never may (SPEC §3),
/// whatever they uploaded: they get their own refusal before the role is weighed. Every refusal is audited under
/// the operation's action; callers with no role learn nothing about the Workspace (404).
/// </summary>
public sealed class SharingAccess(WorkspaceAccess access, IAuditLog audit)
{
    /// <param name="links">The operation concerns web links (for the external collaborator's refusal).</param>
    public async Task<Outcome<WorkspaceContext>> RequireSharerAsync(string name, WorkspaceActor actor, string action, string doing, bool links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await access.RequireAnyRoleAsync(name, actor, action, null, cancellationToken);
        if (found.Problem is not null) return found;
        var context = found.Value!;
        if (context.Role.External)
        {
            await audit.RecordAsync(actor.Event(action, name, null, AuditOutcome.Denied, "external-cannot-share",
                new Dictionary<string, string> { ["role"] = context.Role.Role.ToString() }), cancellationToken);
            return SharingProblems.ExternalCannotShare(name, links);
        }
        return await access.RequireRoleAsync(context, actor, WorkspaceRole.CoOwner, action, null, doing, cancellationToken);
    }
}
