using Safedrop.Resources.Model;

namespace Safedrop.Api.Workspaces;

/// <summary>
/// Shares made through the API: runtime state the API keeps in object storage (SPEC §3). Collaborators
/// declared in YAML are not here; they come from the compiled configuration and are approved by definition.
/// </summary>
public interface IWorkspaceShares
{
    Task<IReadOnlyList<WorkspaceShare>> ListAsync(string workspace, CancellationToken cancellationToken);
}

/// <param name="Email">Normalised address of the collaborator.</param>
/// <param name="External">Not an address of the Organization's domains.</param>
public sealed record WorkspaceShare(string Workspace, string Email, CollaboratorRole Role, ShareStatus Status, bool External, string SharedBy, DateTimeOffset SharedAt);

public enum ShareStatus
{
    /// <summary>Waiting for an admin: the sharer does not hold InviteExternalUsers.</summary>
    PendingAdminApproval,
    /// <summary>In force; the invitation e-mail was sent.</summary>
    Invited,
    Rejected,
    Revoked,
}
