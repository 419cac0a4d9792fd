namespace Safedrop.Api.Transfer;

/// <summary>
/// Section <c>Safedrop:Transfer</c>: how the API signs the grants of its streaming transfer URLs.
/// Every replica must verify what any replica signed, so in a cluster the key is derived from the
/// Organization's key-encryption key (<c>Safedrop:KeyEncryption:Key</c>, which the operator gives every
/// API pod from one Secret). Local mode keeps a random key in <c>transfer.key</c> under its data folder.
/// </summary>
public sealed class TransferOptions
{
    public const string SectionName = "Safedrop:Transfer";

    /// <summary>The key-encryption key the signing key is derived from (base64, 32 bytes). Not part of this section.</summary>
    public const string KeyEncryptionKeySetting = "Safedrop:KeyEncryption:Key";

    /// <summary>Where streaming URLs point: the API's public address. Not part of this section.</summary>
    public const string PublicUrlSetting = "Safedrop:PublicUrl";

    /// <summary>
    /// An explicit signing key (base64, at least 32 bytes) that overrides the derived one, e.g. to keep
    /// outstanding URLs valid across a key-encryption key rotation. Shared by all replicas.
    /// </summary>
    public string? SigningKey { get; set; }
}
