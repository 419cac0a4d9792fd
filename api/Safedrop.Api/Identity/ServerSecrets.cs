using Safedrop.Api.Encryption;

namespace Safedrop.Api.Identity;

/// <summary>
/// The pepper PIN hashes are keyed with. Every replica must agree, so it is derived from the
/// Organization's key-encryption key (HKDF), never the key itself.
/// </summary>
public sealed class ServerSecrets(KeyEncryptionKeys keys)
{
    public byte[] PinPepper { get; } = keys.Current.DeriveKey("safedrop/v1 pin pepper");
}
