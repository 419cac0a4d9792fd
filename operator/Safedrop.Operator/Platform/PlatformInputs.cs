namespace Safedrop.Operator.Platform;

/// <summary>
/// What the platform builders need besides the Organization and its compiled config: the images
/// the operator was configured with, and the data of the generated Secrets as they exist now, so a
/// reconcile keeps credentials and keys instead of rotating them (pass <c>V1Secret.Data</c> as read).
/// </summary>
public sealed record PlatformInputs
{
    /// <summary>The API image used when the Organization names none: the operator's own version.</summary>
    public required string DefaultApiImage { get; init; }

    public required string MinioImage { get; init; }

    public required string RedisImage { get; init; }

    /// <summary>Data of the Secret named <see cref="PlatformNames.MinioCredentials"/>, or null when it does not exist.</summary>
    public IDictionary<string, byte[]>? ExistingMinioCredentials { get; init; }

    /// <summary>Data of the Secret named <see cref="PlatformNames.PinCacheCredentials"/>, or null when it does not exist.</summary>
    public IDictionary<string, byte[]>? ExistingPinCacheCredentials { get; init; }

    /// <summary>Data of the Secret named <see cref="PlatformNames.SessionCacheCredentials"/>, or null when it does not exist.</summary>
    public IDictionary<string, byte[]>? ExistingSessionCacheCredentials { get; init; }

    /// <summary>Data of the Secret named <see cref="PlatformNames.KeyEncryptionKey"/>, or null when it does not exist.</summary>
    public IDictionary<string, byte[]>? ExistingKeyEncryptionKey { get; init; }
}
