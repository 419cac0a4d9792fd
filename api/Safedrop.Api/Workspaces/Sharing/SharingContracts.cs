using Safedrop.Resources.Model;

namespace Safedrop.Api.Workspaces.Sharing;

/// <param name="Email">The address to share with (internal or external).</param>
/// <param name="Role">CoOwner, Modify or View; external addresses at most Modify.</param>
public sealed record CreateShareRequest(string? Email, string? Role);

/// <summary>A collaborator of a Workspace: one declared in YAML (<c>source: yaml</c>, read-only, approved by definition) or a share made through the API (<c>source: api</c>).</summary>
/// <param name="Status">Invited (in force), PendingAdminApproval, Rejected or Revoked; YAML collaborators are always Invited.</param>
/// <param name="InvitedAt">When the last invitation or notice e-mail went out; null while none did (pending approval, or the mail relay failed: use reinvite).</param>
public sealed record ShareView(
    string Workspace,
    string Email,
    CollaboratorRole Role,
    ShareStatus Status,
    bool External,
    string Source,
    string? SharedBy,
    DateTimeOffset? SharedAt,
    DateTimeOffset? InvitedAt,
    string? DecidedBy)
{
    public const string FromYaml = "yaml";
    public const string FromApi = "api";

    public static ShareView Of(ShareRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Workspace, record.Email, record.Role, record.Status, record.External, FromApi,
            record.SharedBy, record.SharedAt, record.InvitedAt, record.DecidedBy);
    }
}

/// <param name="ExternalSharing">Whether shares with external addresses and web links are allowed now (the Workspace's setting and the Organization's switch).</param>
public sealed record WorkspaceSharesResponse(string Workspace, string Owner, bool ExternalSharing, IReadOnlyList<ShareView> Shares);

/// <summary>The one call that creates the web link offered instead of a cross-organization share.</summary>
public sealed record WebLinkOffer(string Permission, string Method, string Href, CreateWebLinkRequest Body);

/// <param name="Permission">ViewAndDownload or DownloadAndUpload.</param>
/// <param name="Path">A folder or file of the Workspace the link is limited to; the root when omitted.</param>
/// <param name="ExpiresInDays">1 to 365; 14 when omitted.</param>
public sealed record CreateWebLinkRequest(string? Permission, string? Path = null, int? ExpiresInDays = null);

public enum WebLinkPermission
{
    ViewAndDownload,
    DownloadAndUpload,
}

/// <summary>A web link as its CoOwners see it: never its secret.</summary>
public sealed record WebLinkView(
    string Id,
    string Workspace,
    string Path,
    WebLinkPermission Permission,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    bool Revoked,
    bool Expired);

/// <summary>A new web link; <see cref="Token"/> (also inside <see cref="Url"/>) is shown this once and stored only hashed.</summary>
/// <param name="Url">The portal page that opens the link in a browser (<c>{public URL}/l/{token}</c>); the API serves it under <c>/v1/links/{token}</c>.</param>
public sealed record CreatedWebLink(string Id, string Url, string Token, WebLinkPermission Permission, string Path, DateTimeOffset ExpiresAt);

/// <summary>What a web link grants, for anyone holding it.</summary>
public sealed record WebLinkGrant(
    string Workspace,
    string? DisplayName,
    string Path,
    WebLinkPermission Permission,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<WebLinkEntry>? Entries);

/// <summary>A file or folder as a web link's holder sees it: without who wrote it (no address of the Organization reaches an anonymous holder).</summary>
/// <param name="Path">Relative to the link's folder.</param>
/// <param name="Kind"><c>file</c> or <c>folder</c>.</param>
public sealed record WebLinkEntry(string Name, string Path, string Kind, long Size, DateTimeOffset ModifiedAt)
{
    public static WebLinkEntry Of(EntryResult entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Name, entry.Path, entry.Kind, entry.Size ?? 0, entry.ModifiedAt);
    }
}
