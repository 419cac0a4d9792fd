using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Workspaces;

/// <summary>The Workspace in force, the configuration it came from, and the caller's role in it, as one decision for one operation.</summary>
public sealed record WorkspaceContext(TenantConfig Config, CompiledWorkspace Workspace, EffectiveRole Role)
{
    public string Name => Workspace.Name;
}

/// <summary>
/// Finds a Workspace and decides whether the caller's role allows an operation (<see cref="WorkspaceRoles"/>, with
/// the shares of <see cref="IWorkspaceShares"/>); every refusal is audited under the operation's action. Callers
/// with no role at all learn nothing about the Workspace (404); callers with too small a role get a 403 naming the role needed.
/// </summary>
public sealed class WorkspaceAccess(TenantConfigStore tenant, WorkspaceCreations creations, IWorkspaceShares shares, IAuditLog audit)
{
    public async Task<Outcome<WorkspaceContext>> RequireAsync(
        string name, WorkspaceActor actor, WorkspaceRole needed, string action, string? path, string doing, CancellationToken cancellationToken)
    {
        var found = await RequireAnyRoleAsync(name, actor, action, path, cancellationToken);
        return found.Problem is null ? await RequireRoleAsync(found.Value!, actor, needed, action, path, doing, cancellationToken) : found;
    }

    /// <summary>The Workspace and the caller's role in it, whatever that role is; a 404 (or 409 while being created) when none.</summary>
    public async Task<Outcome<WorkspaceContext>> RequireAnyRoleAsync(
        string name, WorkspaceActor actor, string action, string? path, CancellationToken cancellationToken)
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
        return new WorkspaceContext(config, workspace, role);
    }

    /// <summary><paramref name="context"/> again when its role includes <paramref name="needed"/>, else an audited 403 naming both roles.</summary>
    public async Task<Outcome<WorkspaceContext>> RequireRoleAsync(
        WorkspaceContext context, WorkspaceActor actor, WorkspaceRole needed, string action, string? path, string doing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(actor);
        if (context.Role.Includes(needed)) return context;
        await audit.RecordAsync(actor.Event(action, context.Name, path, AuditOutcome.Denied, $"role-{needed}-needed",
            new Dictionary<string, string> { ["role"] = context.Role.Role.ToString(), ["neededRole"] = needed.ToString() }), cancellationToken);
        return WorkspaceProblems.RoleMissing(context.Name, needed, context.Role, doing);
    }

    /// <summary>The caller's role from the Workspace's YAML and the shares in force.</summary>
    public async Task<EffectiveRole?> RoleOfAsync(TenantConfig config, CompiledWorkspace workspace, EmailAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(workspace);
        var inForce = await shares.ListAsync(workspace.Name, cancellationToken);
        return WorkspaceRoles.Resolve(workspace, inForce, address, config.IsRegistered(address));
    }
}
