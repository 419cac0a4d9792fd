using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>A share made or changed, and whether it is new (201) or an existing one whose role changed (200).</summary>
public sealed record ShareResult(ShareView Share, bool Created);

/// <summary>
/// Sharing a Workspace with a collaborator (SPEC §3), by its owner or an internal CoOwner. An internal address is
/// in force at once (Invited, a notice e-mail). An external one needs external sharing in force, gets at most
/// Modify, and is Invited (invitation e-mail) when the sharer holds InviteExternalUsers, else waits for an admin
/// (PendingAdminApproval; admins are told, the address is not). An address of another Organization on the
/// platform gets no share but an offer of a web link. Every decision is audited.
/// </summary>
public sealed class WorkspaceSharing(
    SharingAccess access, WorkspaceShareStore shares, WorkspaceLock locks, ShareMails mails, IAuditLog audit, TimeProvider time)
{
    public async Task<Outcome<ShareResult>> ShareAsync(string name, CreateShareRequest request, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = await access.RequireSharerAsync(name, actor, SharingRules.ShareCreate, "Sharing", links: false, cancellationToken);
        if (allowed.Problem is { } refused) return refused;
        var context = allowed.Value!;
        var (config, workspace) = (context.Config, context.Workspace);

        if (!EmailAddress.TryParse(request.Email ?? "", out var address))
            return await RefuseCreateAsync(context, actor, "invalid-address", request.Email, SharingProblems.Invalid("Send a valid e-mail address as 'email'."), cancellationToken);
        if (!Enum.TryParse<CollaboratorRole>(request.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(request.Role, out _))
            return await RefuseCreateAsync(context, actor, "invalid-role", address.Value, SharingProblems.Invalid("Send 'role' as CoOwner, Modify or View."), cancellationToken);
        if (string.Equals(address.Value, workspace.Owner, StringComparison.Ordinal))
            return await RefuseCreateAsync(context, actor, "owner", address.Value, SharingProblems.Invalid($"{address} owns Workspace {name}; the owner needs no share."), cancellationToken);
        if (address == actor.Address)
            return await RefuseCreateAsync(context, actor, "self", address.Value, SharingProblems.Invalid("You cannot share a Workspace with yourself."), cancellationToken);
        if (workspace.Collaborators.Any(c => string.Equals(c.Email, address.Value, StringComparison.Ordinal)))
            return await RefuseCreateAsync(context, actor, "declared-in-yaml", address.Value, SharingProblems.DeclaredInYaml(name, address.Value), cancellationToken);

        var external = !config.IsRegistered(address);
        if (external)
        {
            if (!workspace.ExternalSharing)
                return await RefuseCreateAsync(context, actor, "external-sharing-off", address.Value,
                    SharingProblems.ExternalSharingOff(name, !config.Organization!.Features.ExternalSharing, $"Sharing with the external address {address}"), cancellationToken);
            if (config.ForeignOrganizationOf(address) is { } organization)
            {
                var permission = SharingRules.WebLinkPermissionFor(role);
                var offer = new WebLinkOffer(permission.ToString(), "POST", $"/v1/workspaces/{name}/links", new CreateWebLinkRequest(permission.ToString()));
                return await RefuseCreateAsync(context, actor, "cross-organization", address.Value,
                    SharingProblems.CrossOrganization(name, address.Value, organization, role, offer), cancellationToken,
                    new Dictionary<string, string> { ["organization"] = organization, ["offeredPermission"] = permission.ToString() });
            }
            if (role == CollaboratorRole.CoOwner)
                return await RefuseCreateAsync(context, actor, "external-role-too-high", address.Value, SharingProblems.ExternalRoleTooHigh(address.Value), cancellationToken);
        }

        // Internal addresses need nobody's approval; external ones need the sharer's InviteExternalUsers or an admin.
        var invite = config.Resolve(actor.Address, Permission.InviteExternalUsers);
        var mayInvite = !external || invite.Held;
        await using (await locks.AcquireShareAsync(name, address.Value, cancellationToken))
        {
            var existing = await shares.GetAsync(name, address.Value, cancellationToken);
            var active = existing is { IsActive: true } ? existing : null;
            var now = time.GetUtcNow();
            var status = mayInvite || active?.Status == ShareStatus.Invited ? ShareStatus.Invited : ShareStatus.PendingAdminApproval;
            var share = active is not null
                ? active with { Role = role, Status = status }
                : new ShareRecord(name, address.Value, role, status, external, actor.Address.Value, now);
            if (status == ShareStatus.Invited && active?.Status != ShareStatus.Invited)
                share = share with { InvitedAt = await mails.InviteAsync(config, workspace, share, cancellationToken) ? now : null };
            await shares.SaveAsync(share, cancellationToken);
            if (status == ShareStatus.PendingAdminApproval && active is null)
                await mails.AskAdminsAsync(config, workspace, share, cancellationToken);

            await audit.RecordAsync(actor.Event(SharingRules.ShareCreate, name, null, AuditOutcome.Succeeded,
                external ? (mayInvite ? "InviteExternalUsers" : "admin-approval-required") : "internal",
                Details(share, ("external", external ? "true" : "false"), ("previousStatus", active?.Status.ToString()),
                    ("permissionReason", external ? invite.Explanation : null))), cancellationToken);
            return new ShareResult(ShareView.Of(share), Created: active is null);
        }
    }

    /// <summary>YAML collaborators (read-only, approved by definition) then the API's shares, except revoked ones.</summary>
    public async Task<Outcome<WorkspaceSharesResponse>> ListAsync(string name, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        var allowed = await access.RequireSharerAsync(name, actor, SharingRules.ShareList, "Listing shares", links: false, cancellationToken);
        if (allowed.Problem is { } refused) return refused;
        var workspace = allowed.Value!.Workspace;
        var views = workspace.Collaborators
            .Select(c => new ShareView(name, c.Email, c.Role, ShareStatus.Invited, c.External, ShareView.FromYaml, null, null, null, null))
            .ToList();
        await foreach (var record in shares.ListRecordsAsync(name, cancellationToken))
            if (record.Status != ShareStatus.Revoked) views.Add(ShareView.Of(record));
        return new WorkspaceSharesResponse(name, workspace.Owner, workspace.ExternalSharing, views);
    }

    public async Task<Outcome<ShareView>> RevokeAsync(string name, string email, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        var found = await FindAsync(name, email, SharingRules.ShareRevoke, "Revoking a share", actor, cancellationToken);
        if (found.Problem is { } refused) return refused;
        var (context, address) = found.Value;
        await using (await locks.AcquireShareAsync(name, address.Value, cancellationToken))
        {
            if (await shares.GetAsync(name, address.Value, cancellationToken) is not { IsActive: true } share)
                return await RefuseAsync(context, actor, SharingRules.ShareRevoke, "share-not-found", address.Value, SharingProblems.ShareNotFound(name, address.Value), cancellationToken);
            var revoked = share with { Status = ShareStatus.Revoked, DecidedBy = actor.Address.Value, DecidedAt = time.GetUtcNow() };
            await shares.SaveAsync(revoked, cancellationToken);
            await audit.RecordAsync(actor.Event(SharingRules.ShareRevoke, name, null, AuditOutcome.Succeeded, null,
                Details(revoked, ("previousStatus", share.Status.ToString()))), cancellationToken);
            return ShareView.Of(revoked);
        }
    }

    /// <summary>Sends the invitation (or internal notice) again, at most once per <see cref="SharingRules.ReinviteInterval"/> per share.</summary>
    public async Task<Outcome<ShareView>> ReinviteAsync(string name, string email, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        var found = await FindAsync(name, email, SharingRules.ShareReinvite, "Reinviting", actor, cancellationToken);
        if (found.Problem is { } refused) return refused;
        var (context, address) = found.Value;
        await using (await locks.AcquireShareAsync(name, address.Value, cancellationToken))
        {
            var share = await shares.GetAsync(name, address.Value, cancellationToken);
            if (share is not { IsActive: true })
                return await RefuseAsync(context, actor, SharingRules.ShareReinvite, "share-not-found", address.Value, SharingProblems.ShareNotFound(name, address.Value), cancellationToken);
            if (share.Status == ShareStatus.PendingAdminApproval)
                return await RefuseAsync(context, actor, SharingRules.ShareReinvite, "pending-admin-approval", address.Value,
                    SharingProblems.StateConflict($"The share with {address} waits for an admin's approval; nothing is sent to the address until an admin approves it."), cancellationToken);
            var now = time.GetUtcNow();
            if (share.InvitedAt is { } last && last + SharingRules.ReinviteInterval > now)
                return await RefuseAsync(context, actor, SharingRules.ShareReinvite, "rate-limited", address.Value,
                    SharingProblems.ReinviteTooSoon(address.Value, last + SharingRules.ReinviteInterval - now), cancellationToken);

            var sent = await mails.InviteAsync(context.Config, context.Workspace, share, cancellationToken);
            var updated = sent ? share with { InvitedAt = now } : share;
            if (sent) await shares.SaveAsync(updated, cancellationToken);
            await audit.RecordAsync(actor.Event(SharingRules.ShareReinvite, name, null, sent ? AuditOutcome.Succeeded : AuditOutcome.Failed,
                sent ? null : "mail-not-sent", Details(updated)), cancellationToken);
            return sent ? ShareView.Of(updated) : new ApiProblem(503, ProblemTypes.MailUnavailable, "Mail unavailable", "The mail relay did not take the invitation right now. Try again shortly.");
        }
    }

    private async Task<Outcome<(WorkspaceContext, EmailAddress)>> FindAsync(
        string name, string email, string action, string doing, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        var allowed = await access.RequireSharerAsync(name, actor, action, doing, links: false, cancellationToken);
        if (allowed.Problem is { } refused) return refused;
        var context = allowed.Value!;
        if (!EmailAddress.TryParse(email, out var address))
            return await RefuseAsync(context, actor, action, "invalid-address", email, SharingProblems.Invalid($"'{email}' is not an e-mail address."), cancellationToken);
        if (context.Workspace.Collaborators.Any(c => string.Equals(c.Email, address.Value, StringComparison.Ordinal)))
            return await RefuseAsync(context, actor, action, "declared-in-yaml", address.Value, SharingProblems.DeclaredInYaml(name, address.Value), cancellationToken);
        return (context, address);
    }

    private Task<ApiProblem> RefuseCreateAsync(WorkspaceContext context, WorkspaceActor actor, string rule, string? email, ApiProblem problem,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? extra = null) =>
        RefuseAsync(context, actor, SharingRules.ShareCreate, rule, email, problem, cancellationToken, extra);

    private async Task<ApiProblem> RefuseAsync(WorkspaceContext context, WorkspaceActor actor, string action, string rule, string? email, ApiProblem problem,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? extra = null)
    {
        var details = new Dictionary<string, string>(extra ?? new Dictionary<string, string>()) { ["problem"] = problem.Type };
        if (email is not null) details["email"] = email;
        await audit.RecordAsync(actor.Event(action, context.Name, null, AuditOutcome.Denied, rule, details), cancellationToken);
        return problem;
    }

    internal static Dictionary<string, string> Details(ShareRecord share, params (string Key, string? Value)[] more)
    {
        var details = new Dictionary<string, string>
        {
            ["email"] = share.Email,
            ["role"] = share.Role.ToString(),
            ["status"] = share.Status.ToString(),
            ["external"] = share.External ? "true" : "false",
        };
        foreach (var (key, value) in more)
            if (value is not null) details[key] = value;
        return details;
    }
}
