using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Workspaces;

/// <summary>The Workspaces a caller has a role in, with that role and how full each is.</summary>
public sealed class WorkspaceDirectory(TenantConfigStore tenant, WorkspaceAccess access, WorkspaceUsageStore usages, TimeProvider time)
{
    public async Task<Outcome<IReadOnlyList<WorkspaceSummary>>> ListAsync(WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (tenant.Current.Config is not { Organization: not null } config) return WorkspaceProblems.NotServing;
        var result = new List<WorkspaceSummary>();
        foreach (var workspace in config.Workspaces.Values.OrderBy(w => w.Name, StringComparer.Ordinal))
        {
            if (await access.RoleOfAsync(config, workspace, actor.Address, cancellationToken) is { } role)
                result.Add(await SummaryAsync(workspace, role, cancellationToken));
        }
        return result;
    }

    public async Task<Outcome<WorkspaceSummary>> GetAsync(string name, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        var allowed = await access.RequireAsync(name, actor, WorkspaceRole.View, "workspace.read", null, "Reading a Workspace", cancellationToken);
        if (allowed.Problem is { } denied) return denied;
        return await SummaryAsync(allowed.Value!.Workspace, allowed.Value.Role, cancellationToken);
    }

    private async Task<WorkspaceSummary> SummaryAsync(CompiledWorkspace workspace, EffectiveRole role, CancellationToken cancellationToken)
    {
        var usage = await usages.GetAsync(workspace.Name, time.GetUtcNow(), cancellationToken);
        return new WorkspaceSummary(workspace.Name, workspace.DisplayName, workspace.Owner, role.Role.ToString(), role.External,
            workspace.QuotaBytes, usage.UsedBytes, workspace.ExternalSharing);
    }
}
