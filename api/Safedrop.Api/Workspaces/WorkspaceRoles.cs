using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workspaces;

/// <summary>A caller's standing in a Workspace; each role includes every lower one (Owner ⊇ CoOwner ⊇ Modify ⊇ View).</summary>
public enum WorkspaceRole
{
    View,
    Modify,
    CoOwner,
    Owner,
}

/// <summary>Where an effective role comes from: the owner, a collaborator declared in YAML, or a share made through the API.</summary>
public enum RoleSource
{
    Owner,
    Declared,
    Shared,
}

/// <summary>The caller's effective role in a Workspace and why; <see cref="External"/> callers never hold more than Modify.</summary>
public sealed record EffectiveRole(WorkspaceRole Role, RoleSource Source, bool External)
{
    public bool Includes(WorkspaceRole needed) => Role >= needed;
}

/// <summary>
/// The one place that decides who may do what in a Workspace (SPEC §3), used by files, folders and sharing alike.
/// </summary>
public static class WorkspaceRoles
{
    /// <summary>
    /// The strongest role <paramref name="caller"/> holds in <paramref name="workspace"/>, or null for none.
    /// The owner is Owner. A collaborator declared in YAML has the declared role. A share counts only while
    /// <see cref="ShareStatus.Invited"/> (pending, rejected or revoked shares give nothing). Anything external —
    /// a caller who is not a registered user, or a grant recorded as external — is capped at Modify whatever was
    /// declared, and counts only while external sharing is in force for the Workspace. Being an admin grants nothing.
    /// </summary>
    /// <param name="callerRegistered">Whether the caller's address is one of the Organization's domains (<see cref="TenantConfig.IsRegistered"/>).</param>
    public static EffectiveRole? Resolve(CompiledWorkspace workspace, IEnumerable<WorkspaceShare> shares, EmailAddress caller, bool callerRegistered)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(shares);
        if (callerRegistered && string.Equals(workspace.Owner, caller.Value, StringComparison.Ordinal))
            return new EffectiveRole(WorkspaceRole.Owner, RoleSource.Owner, External: false);

        EffectiveRole? best = null;
        foreach (var declared in workspace.Collaborators.Where(c => string.Equals(c.Email, caller.Value, StringComparison.Ordinal)))
            best = Stronger(best, Grant(workspace, declared.Role, RoleSource.Declared, declared.External || !callerRegistered));
        foreach (var share in shares.Where(s => s.Status == ShareStatus.Invited
                     && string.Equals(s.Workspace, workspace.Name, StringComparison.Ordinal)
                     && string.Equals(s.Email, caller.Value, StringComparison.Ordinal)))
            best = Stronger(best, Grant(workspace, share.Role, RoleSource.Shared, share.External || !callerRegistered));
        return best;
    }

    public static WorkspaceRole ToWorkspaceRole(CollaboratorRole role) => role switch
    {
        CollaboratorRole.View => WorkspaceRole.View,
        CollaboratorRole.Modify => WorkspaceRole.Modify,
        CollaboratorRole.CoOwner => WorkspaceRole.CoOwner,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    private static EffectiveRole? Grant(CompiledWorkspace workspace, CollaboratorRole declared, RoleSource source, bool external)
    {
        if (external && !workspace.ExternalSharing) return null;
        var role = ToWorkspaceRole(declared);
        return new EffectiveRole(external && role > WorkspaceRole.Modify ? WorkspaceRole.Modify : role, source, external);
    }

    private static EffectiveRole? Stronger(EffectiveRole? current, EffectiveRole? candidate) =>
        candidate is null || (current is not null && current.Role >= candidate.Role) ? current : candidate;
}
