namespace Safedrop.Api.Encryption;

/// <summary>
/// Section <c>Safedrop:KeyEncryption</c>. In a cluster the operator sets <see cref="Key"/> from the
/// Organization's key-encryption key Secret; local mode keeps a random key in a file under its data folder.
/// </summary>
public sealed class KeyEncryptionOptions
{
    public const string SectionName = "Safedrop:KeyEncryption";

    /// <summary>The current key-encryption key: 32 bytes in base64.</summary>
    public string? Key { get; set; }

    /// <summary>
    /// Keys being rotated away from (base64, separated by commas or whitespace): still accepted for
    /// unwrapping until every wrapped key has been rewrapped under <see cref="Key"/>.
    /// </summary>
    public string? PreviousKeys { get; set; }
}
