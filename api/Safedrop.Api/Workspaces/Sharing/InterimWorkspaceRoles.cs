using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>The caller's standing in a Workspace, as far as sharing needs it.</summary>
/// <param name="Owner">The Workspace's owner (CoOwner and more).</param>
/// <param name="Role">The strongest role held (CoOwner for the owner); external callers never hold more than Modify.</param>
/// <param name="External">Not a registered user of the Organization.</param>
public sealed record CallerStanding(bool Owner, CollaboratorRole Role, bool External)
{
    /// <summary>May share and manage web links: the owner or an internal CoOwner (SPEC §3).</summary>
    public bool MayShare => !External && (Owner || Role == CollaboratorRole.CoOwner);
}

/// <summary>
/// INTERIM — to be replaced by <c>Workspaces/WorkspaceRoles.Resolve</c> (owned by the workspaces helper) once it
/// is on main; kept private to sharing and written to the same rules (issue 6 plan, "Role resolution"): the owner
/// is CoOwner and owner; YAML collaborators have their declared role; API shares count only while Invited;
/// external callers are capped at Modify and count only while external sharing is in force; an admin is not a
/// collaborator by being admin.
/// </summary>
internal static class InterimWorkspaceRoles
{
    public static CallerStanding? Resolve(TenantConfig config, CompiledWorkspace workspace, IEnumerable<ShareRecord> shares, EmailAddress caller)
    {
        var registered = config.IsRegistered(caller);
        if (registered && string.Equals(workspace.Owner, caller.Value, StringComparison.Ordinal))
            return new CallerStanding(Owner: true, CollaboratorRole.CoOwner, External: false);

        var grants = workspace.Collaborators
            .Where(c => string.Equals(c.Email, caller.Value, StringComparison.Ordinal))
            .Select(c => (c.Role, External: c.External || !registered))
            .Concat(shares
                .Where(s => s.Status == ShareStatus.Invited && string.Equals(s.Email, caller.Value, StringComparison.Ordinal))
                .Select(s => (s.Role, External: s.External || !registered)))
            .Where(g => !g.External || workspace.ExternalSharing)
            .Select(g => (Role: g.External && g.Role > CollaboratorRole.Modify ? CollaboratorRole.Modify : g.Role, g.External))
            .ToList();
        if (grants.Count == 0) return null;
        var best = grants.MaxBy(g => g.Role);
        return new CallerStanding(Owner: false, best.Role, External: !registered || best.External);
    }
}
