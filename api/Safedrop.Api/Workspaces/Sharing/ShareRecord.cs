using Safedrop.Resources.Model;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// A share as stored: the public <see cref="WorkspaceShare"/> plus what the sharing rules need to remember —
/// when the last invitation went out (Reinvite's rate limit) and who decided an approval or a revocation.
/// </summary>
public sealed record ShareRecord(
    string Workspace,
    string Email,
    CollaboratorRole Role,
    ShareStatus Status,
    bool External,
    string SharedBy,
    DateTimeOffset SharedAt)
{
    /// <summary>When the last invitation (or notice, for an internal address) was sent; null while none was.</summary>
    public DateTimeOffset? InvitedAt { get; init; }

    /// <summary>The admin who approved or rejected, or the CoOwner who revoked.</summary>
    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Pending or in force: the address is (or will be, once approved) a collaborator.</summary>
    public bool IsActive => Status is ShareStatus.Invited or ShareStatus.PendingAdminApproval;

    public WorkspaceShare ToShare() => new(Workspace, Email, Role, Status, External, SharedBy, SharedAt);
}
