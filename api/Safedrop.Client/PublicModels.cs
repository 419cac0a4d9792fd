namespace Safedrop.Client;

/// <summary>The signed-in identity as <c>GET /v1/me</c> reports it.</summary>
public sealed record Me(string Email, bool Registered, bool Admin, string? Organization, IReadOnlyList<PermissionState> Permissions);

public sealed record PermissionState(string Permission, bool Held, string Reason);

/// <summary>A session from PIN sign-in. The token is a bearer secret: keep it like a password.</summary>
public sealed record SessionToken(string Token, string Email, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"SessionToken({Email}, expires {ExpiresAt:u})";
}

public sealed record DeviceKey(string Id, string Name, string PublicKey, DateTimeOffset CreatedAt);

/// <summary>A package in the sent or received box.</summary>
public sealed record PackageSummary(
    string PackageId,
    string Sender,
    IReadOnlyList<string>? Recipients,
    string? Dropzone,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<FileSummary> Files);

public sealed record FileSummary(string? FileId, string Name, long Size);

public enum PackageBox
{
    Received,
    Sent,
}
