using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// Admins decide shares with external addresses made by sharers without InviteExternalUsers (SPEC §3):
/// approving sends the invitation and puts the share in force; rejecting ends it and tells the sharer.
/// The endpoints admit admins only; every decision and refusal is audited.
/// </summary>
public sealed class ShareApprovals(
    TenantConfigStore tenant, WorkspaceShareStore shares, WorkspaceLock locks, ShareMails mails, IAuditLog audit, TimeProvider time)
{
    /// <summary>Every share waiting for approval, in every Workspace in force, oldest first.</summary>
    public async Task<Outcome<IReadOnlyList<ShareView>>> ListPendingAsync(CancellationToken cancellationToken)
    {
        if (tenant.Current.Config is not { Organization: not null } config) return WorkspaceProblems.NotServing;
        var pending = new List<ShareRecord>();
        foreach (var name in config.Workspaces.Keys.Order(StringComparer.Ordinal))
            await foreach (var record in shares.ListRecordsAsync(name, cancellationToken))
                if (record.Status == ShareStatus.PendingAdminApproval) pending.Add(record);
        return pending.OrderBy(r => r.SharedAt).Select(ShareView.Of).ToList();
    }

    public Task<Outcome<ShareView>> ApproveAsync(string workspace, string email, WorkspaceActor admin, CancellationToken cancellationToken) =>
        DecideAsync(workspace, email, admin, approve: true, cancellationToken);

    public Task<Outcome<ShareView>> RejectAsync(string workspace, string email, WorkspaceActor admin, CancellationToken cancellationToken) =>
        DecideAsync(workspace, email, admin, approve: false, cancellationToken);

    private async Task<Outcome<ShareView>> DecideAsync(string name, string email, WorkspaceActor admin, bool approve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var action = approve ? SharingRules.ShareApprove : SharingRules.ShareReject;
        if (tenant.Current.Config is not { Organization: not null } config) return WorkspaceProblems.NotServing;
        if (!config.Workspaces.TryGetValue(name, out var workspace))
            return await RefuseAsync(admin, action, name, "workspace-not-found", email, WorkspaceProblems.NotFound(name), cancellationToken);
        if (!EmailAddress.TryParse(email, out var address))
            return await RefuseAsync(admin, action, name, "invalid-address", email, SharingProblems.Invalid($"'{email}' is not an e-mail address."), cancellationToken);

        await using (await locks.AcquireShareAsync(name, address.Value, cancellationToken))
        {
            var share = await shares.GetAsync(name, address.Value, cancellationToken);
            if (share is null)
                return await RefuseAsync(admin, action, name, "share-not-found", address.Value, SharingProblems.ShareNotFound(name, address.Value), cancellationToken);
            if (share.Status != ShareStatus.PendingAdminApproval)
                return await RefuseAsync(admin, action, name, "not-pending", address.Value,
                    SharingProblems.StateConflict($"The share of Workspace {name} with {address} is {share.Status}, not waiting for approval."), cancellationToken);
            // The switch may have been turned off since the share was asked for: approval cannot bypass it.
            if (approve && !workspace.ExternalSharing)
                return await RefuseAsync(admin, action, name, "external-sharing-off", address.Value,
                    SharingProblems.ExternalSharingOff(name, !config.Organization.Features.ExternalSharing, $"Approving the share with {address}"), cancellationToken);

            var now = time.GetUtcNow();
            var decided = share with { Status = approve ? ShareStatus.Invited : ShareStatus.Rejected, DecidedBy = admin.Address.Value, DecidedAt = now };
            if (approve) decided = decided with { InvitedAt = await mails.InviteAsync(config, workspace, decided, cancellationToken) ? now : null };
            await shares.SaveAsync(decided, cancellationToken);
            if (!approve) await mails.TellRejectedAsync(workspace, decided, cancellationToken);
            await audit.RecordAsync(admin.Event(action, name, null, AuditOutcome.Succeeded, null,
                WorkspaceSharing.Details(decided, ("sharedBy", share.SharedBy))), cancellationToken);
            return ShareView.Of(decided);
        }
    }

    private async Task<ApiProblem> RefuseAsync(WorkspaceActor admin, string action, string workspace, string rule, string email, ApiProblem problem, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(admin.Event(action, workspace, null, AuditOutcome.Denied, rule,
            new Dictionary<string, string> { ["email"] = email, ["problem"] = problem.Type }), cancellationToken);
        return problem;
    }
}
