namespace Safedrop.Api.Transfer;

/// <summary>
/// Section <c>Safedrop:Transfer</c>: how the API signs the grants of its streaming transfer URLs.
/// Every replica must verify what any replica signed, so the key is derived from the Organization's
/// key-encryption key (see Encryption/KeyEncryptionKeys), which every API pod gets from one Secret.
/// </summary>
public sealed class TransferOptions
{
    public const string SectionName = "Safedrop:Transfer";

    /// <summary>Where streaming URLs point: the API's public address. Not part of this section.</summary>
    public const string PublicUrlSetting = "Safedrop:PublicUrl";

    /// <summary>
    /// An explicit signing key (base64, at least 32 bytes) that overrides the derived one, e.g. to keep
    /// outstanding URLs valid across a key-encryption key rotation. Shared by all replicas.
    /// </summary>
    public string? SigningKey { get; set; }
}
