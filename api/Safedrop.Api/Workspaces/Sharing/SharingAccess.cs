using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>The Workspace in force, the configuration it came from, and the caller's standing in it.</summary>
public sealed record SharingContext(TenantConfig Config, CompiledWorkspace Workspace, CallerStanding Caller)
{
    public string Name => Workspace.Name;
}

/// <summary>
/// Decides whether the caller may share (or manage web links of) a Workspace: its owner or an internal CoOwner.
/// External collaborators never may (SPEC §3), whatever they uploaded. Every refusal is audited under the
/// operation's action. Callers with no role learn nothing about the Workspace (404).
/// </summary>
public sealed class SharingAccess(TenantConfigStore tenant, WorkspaceShareStore shares, IAuditLog audit)
{
    /// <param name="links">The operation concerns web links (for the external collaborator's refusal).</param>
    public async Task<Outcome<SharingContext>> RequireSharerAsync(string name, SharingActor actor, string action, string doing, bool links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (tenant.Current.Config is not { Organization: not null } config) return SharingProblems.NotServing;
        var standing = config.Workspaces.TryGetValue(name, out var workspace)
            ? await StandingAsync(config, workspace, actor, cancellationToken)
            : null;
        if (workspace is null || standing is null)
        {
            await audit.RecordAsync(actor.Event(action, SharingRules.Resource(name), AuditOutcome.Denied, workspace is null ? "workspace-not-found" : "no-role"), cancellationToken);
            return SharingProblems.WorkspaceNotFound(name);
        }

        if (standing.External)
        {
            await audit.RecordAsync(actor.Event(action, SharingRules.Resource(name), AuditOutcome.Denied, "external-cannot-share",
                new Dictionary<string, string> { ["role"] = standing.Role.ToString() }), cancellationToken);
            return SharingProblems.ExternalCannotShare(name, links);
        }

        if (!standing.MayShare)
        {
            await audit.RecordAsync(actor.Event(action, SharingRules.Resource(name), AuditOutcome.Denied, "role-CoOwner-needed",
                new Dictionary<string, string> { ["role"] = standing.Role.ToString() }), cancellationToken);
            return SharingProblems.RoleMissing(name, standing.Role, doing);
        }

        return new SharingContext(config, workspace, standing);
    }

    private async Task<CallerStanding?> StandingAsync(TenantConfig config, CompiledWorkspace workspace, SharingActor actor, CancellationToken cancellationToken)
    {
        var records = new List<ShareRecord>();
        await foreach (var record in shares.ListRecordsAsync(workspace.Name, cancellationToken)) records.Add(record);
        return InterimWorkspaceRoles.Resolve(config, workspace, records, actor.Address);
    }
}
