using Safedrop.Api.Http;
using Safedrop.Api.Mail;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// The e-mails of sharing: the invitation to an external collaborator, the notice to an internal one, the
/// request to admins when a share waits for approval, and the sharer's news of a rejection. A mail the relay
/// refuses never undoes the share: the sender learns it (false) and the CoOwner can reinvite.
/// </summary>
public sealed partial class ShareMails(IMailSender mail, PublicUrls urls, ILogger<ShareMails> logger)
{
    /// <summary>True when the relay took the mail.</summary>
    public Task<bool> InviteAsync(TenantConfig config, CompiledWorkspace workspace, ShareRecord share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(share);
        var body = share.External
            ? $"""
                {share.SharedBy} invited you to the Workspace "{Title(workspace)}" on {Organization(config)}'s Safedrop, as {share.Role}.

                Open it: {urls.Base}
                You do not need an account: confirm this e-mail address ({share.Email}) with a PIN we send you when you sign in.
                As an external collaborator you can {(share.Role == Resources.Model.CollaboratorRole.View ? "read and download its files" : "read, download and upload files")}.
                """
            : $"""
                {share.SharedBy} shared the Workspace "{Title(workspace)}" with you, as {share.Role}.

                Open it: {urls.Base}
                """;
        var subject = share.External ? $"Invitation to the Workspace \"{Title(workspace)}\"" : $"Workspace \"{Title(workspace)}\" shared with you";
        return TrySendAsync(share.Email, subject, body, cancellationToken);
    }

    /// <summary>Tells every admin that a share with an external address waits for their decision.</summary>
    public async Task AskAdminsAsync(TenantConfig config, CompiledWorkspace workspace, ShareRecord share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(share);
        var body = $"""
            {share.SharedBy} wants to share the Workspace "{Title(workspace)}" with the external address {share.Email}, as {share.Role}.
            {share.SharedBy} does not hold the InviteExternalUsers permission, so the share waits for an admin's approval.
            Nothing has been sent to {share.Email} yet.

            Pending approvals: {urls.For("v1/admin/share-approvals")}
            Approve: POST {urls.For($"v1/admin/share-approvals/{share.Workspace}/{Uri.EscapeDataString(share.Email)}/approve")}
            Reject:  POST {urls.For($"v1/admin/share-approvals/{share.Workspace}/{Uri.EscapeDataString(share.Email)}/reject")}
            """;
        foreach (var admin in config.Organization?.Admins ?? new HashSet<string>())
            await TrySendAsync(admin, $"Approval needed: sharing \"{Title(workspace)}\" with {share.Email}", body, cancellationToken);
    }

    public Task<bool> TellRejectedAsync(CompiledWorkspace workspace, ShareRecord share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        var body = $"""
            An admin did not approve your share of the Workspace "{Title(workspace)}" with {share.Email} ({share.Role}).
            Nothing was sent to {share.Email}. If the address belongs to a partner you work with, ask an admin for InviteExternalUsers.
            """;
        return TrySendAsync(share.SharedBy, $"Share of \"{Title(workspace)}\" with {share.Email} not approved", body, cancellationToken);
    }

    private async Task<bool> TrySendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        try
        {
            await mail.SendAsync(new OutgoingMail(to, subject, body), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(subject, e);
            return false;
        }
    }

    private static string Title(CompiledWorkspace workspace) => workspace.DisplayName ?? workspace.Name;

    private static string Organization(TenantConfig config) => config.Organization?.DisplayName ?? config.Organization?.Name ?? "Safedrop";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the sharing mail \"{Subject}\"")]
    private partial void LogSendFailed(string subject, Exception exception);
}
