namespace Safedrop.Api.Packages;

/// <summary>
/// A package as stored (JSON in object storage). The server secret is kept wrapped under the
/// Organization's key-encryption key; the keycode is never known here, only the hash of its verifier.
/// </summary>
public sealed record PackageRecord
{
    public required string Id { get; init; }
    /// <summary>Normalised address that a PIN proved when the package was created.</summary>
    public required string Sender { get; init; }
    /// <summary>Normalised addresses of a directly sent package; empty for a Dropzone upload.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];
    /// <summary>Whose received box lists the package: the recipients, or the Dropzone's owner and members at completion.</summary>
    public IReadOnlyList<string> Addressees { get; init; } = [];
    /// <summary>The Dropzone the package was uploaded through, if any.</summary>
    public string? Dropzone { get; init; }
    /// <summary>The message sealed by the sender's client (base64url), if any.</summary>
    public string? SealedMessage { get; init; }
    public required IReadOnlyList<PackageFile> Files { get; init; }
    /// <summary>SHA-256 of the keycode verifier (base64url).</summary>
    public required string VerifierHash { get; init; }
    /// <summary>The server secret wrapped under the key-encryption key (base64url).</summary>
    public required string WrappedServerSecret { get; init; }
    public IReadOnlyList<WrappedKeycode> WrappedKeycodes { get; init; } = [];
    public PackageState State { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }

    public long TotalSize => Files.Sum(f => f.Size);

    public PackageFile? File(string fileId) => Files.FirstOrDefault(f => f.FileId == fileId);
}

/// <param name="Size">Plaintext bytes; the stored parts are larger by the part overhead.</param>
public sealed record PackageFile(string FileId, string Name, long Size, string ContentType, long PartCount);

/// <summary>The keycode wrapped by the sender's client for one recipient's trusted device key.</summary>
public sealed record WrappedKeycode(string Recipient, string DeviceKeyId, string Wrapped);

public enum PackageState
{
    /// <summary>Created, parts being uploaded: invisible to recipients, removed if never completed.</summary>
    Pending,
    Complete,
}
