using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Workspaces;

/// <summary>The Workspace in force and the caller's role in it, as one decision for one operation.</summary>
public sealed record WorkspaceContext(CompiledWorkspace Workspace, EffectiveRole Role)
{
    public string Name => Workspace.Name;
}

/// <summary>
/// Finds a Workspace and decides whether the caller's role allows an operation (<see cref="WorkspaceRoles"/>);
/// every refusal is audited under the operation's action. Callers with no role at all learn nothing about the
/// Workspace (404); callers with too small a role get a 403 naming the role needed.
/// </summary>
public sealed class WorkspaceAccess(TenantConfigStore tenant, WorkspaceCreations creations, IAuditLog audit, IWorkspaceShares? shares = null)
{
    public async Task<Outcome<WorkspaceContext>> RequireAsync(
        string name, WorkspaceActor actor, WorkspaceRole needed, string action, string? path, string doing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (tenant.Current.Config is not { Organization: not null } config) return WorkspaceProblems.NotServing;
        if (!config.Workspaces.TryGetValue(name, out var workspace))
        {
            var pending = WorkspaceCreations.IsValidName(name) && await creations.IsPendingAsync(name, cancellationToken);
            await audit.RecordAsync(actor.Event(action, name, path, AuditOutcome.Denied, pending ? "workspace-not-ready" : "workspace-not-found"), cancellationToken);
            return pending ? WorkspaceProblems.NotReady(name) : WorkspaceProblems.NotFound(name);
        }

        var role = await RoleOfAsync(config, workspace, actor.Address, cancellationToken);
        if (role is null)
        {
            await audit.RecordAsync(actor.Event(action, name, path, AuditOutcome.Denied, "no-role"), cancellationToken);
            return WorkspaceProblems.NotFound(name);
        }

        if (!role.Includes(needed))
        {
            await audit.RecordAsync(actor.Event(action, name, path, AuditOutcome.Denied, $"role-{needed}-needed",
                new Dictionary<string, string> { ["role"] = role.Role.ToString(), ["neededRole"] = needed.ToString() }), cancellationToken);
            return WorkspaceProblems.RoleMissing(name, needed, role, doing);
        }

        return new WorkspaceContext(workspace, role);
    }

    /// <summary>The caller's role from the Workspace's YAML and the shares in force.</summary>
    public async Task<EffectiveRole?> RoleOfAsync(TenantConfig config, CompiledWorkspace workspace, EmailAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(workspace);
        var inForce = shares is null ? [] : await shares.ListAsync(workspace.Name, cancellationToken);
        return WorkspaceRoles.Resolve(workspace, inForce, address, config.IsRegistered(address));
    }
}
