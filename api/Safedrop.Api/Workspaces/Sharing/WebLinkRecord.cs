namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>A web link as stored: never its secret, only the secret's SHA-256.</summary>
/// <param name="Path">The folder or file of the Workspace the link is limited to; empty for the root.</param>
public sealed record WebLinkRecord(
    string Id,
    string Workspace,
    string Path,
    WebLinkPermission Permission,
    string SecretHash,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;

    public string Resource => $"workspace/{Workspace}/links/{Id}";

    public WebLinkView ToView(DateTimeOffset now) =>
        new(Id, Workspace, Path, Permission, CreatedBy, CreatedAt, ExpiresAt, RevokedAt is not null, IsExpired(now));
}
