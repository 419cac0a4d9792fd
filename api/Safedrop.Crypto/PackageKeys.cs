using System.Security.Cryptography;

namespace Safedrop.Crypto;

/// <summary>
/// Per-file keys: fileKey = HKDF-SHA256(ikm = keycode, salt = serverSecret,
/// info = "safedrop/v1 file key" ‖ 0x00 ‖ packageId ‖ 0x00 ‖ fileId, 32 bytes). Both halves are needed: the API
/// alone (serverSecret) or a stolen link alone (keycode, before the access decision) cannot decrypt.
/// </summary>
public static class PackageKeys
{
    /// <summary>The package message is sealed as a one-part file with this file id.</summary>
    public const string MessageFileId = "message";

    public const int ServerSecretSize = 32;

    /// <summary>The API makes one per package and releases it only after the access decision and the keycode proof.</summary>
    public static byte[] GenerateServerSecret() => RandomNumberGenerator.GetBytes(ServerSecretSize);

    public static byte[] DeriveFileKey(Keycode keycode, ReadOnlySpan<byte> serverSecret, string packageId, string fileId)
    {
        ArgumentNullException.ThrowIfNull(keycode);
        if (serverSecret.Length != ServerSecretSize) throw new ArgumentException($"A server secret is {ServerSecretSize} bytes.", nameof(serverSecret));
        FormatLabels.ThrowIfInvalidIdentifier(packageId, nameof(packageId));
        FormatLabels.ThrowIfInvalidIdentifier(fileId, nameof(fileId));

        var key = new byte[EncryptionFormat.KeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, keycode.Bytes, key, serverSecret, FormatLabels.Join(FormatLabels.FileKey, packageId, fileId));
        return key;
    }

    public static byte[] DeriveMessageKey(Keycode keycode, ReadOnlySpan<byte> serverSecret, string packageId) =>
        DeriveFileKey(keycode, serverSecret, packageId, MessageFileId);
}
