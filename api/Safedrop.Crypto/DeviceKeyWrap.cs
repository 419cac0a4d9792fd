using System.Security.Cryptography;
using System.Text;

namespace Safedrop.Crypto;

/// <summary>
/// ECIES wrapping of a keycode for a recipient's trusted device key (P-256), so they can open a package without the link.
/// wrapKey = HKDF-SHA256(ikm = ECDH(E.private, R.public) x coordinate, salt = E.public raw (65 bytes),
/// info = "safedrop/v1 keycode wrap" ‖ 0x00 ‖ packageId, 32);
/// wrapped = E.public raw (65) ‖ nonce (12) ‖ AES-256-GCM(wrapKey, keycode, AAD = packageId UTF-8) ‖ tag (16).
/// A fresh ephemeral pair per wrap means one recipient's wrapped keycodes share no key.
/// </summary>
public static class DeviceKeyWrap
{
    /// <summary>65 + 12 + 32 + 16 bytes.</summary>
    public const int WrappedSize = P256.RawPublicKeySize + EncryptionFormat.NonceSize + Keycode.Size + EncryptionFormat.TagSize;

    /// <param name="recipientPublicKey">The registered device key: SPKI DER, base64url.</param>
    /// <exception cref="FormatException">The public key is not base64url.</exception>
    /// <exception cref="CryptographicException">The public key is not a P-256 SPKI.</exception>
    public static byte[] Wrap(Keycode keycode, string recipientPublicKey, string packageId) =>
        Wrap(keycode, Base64Url.Decode(recipientPublicKey), packageId);

    public static byte[] Wrap(Keycode keycode, ReadOnlySpan<byte> recipientSubjectPublicKeyInfo, string packageId)
    {
        using var recipient = P256.ImportSubjectPublicKeyInfo(recipientSubjectPublicKeyInfo);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        Span<byte> nonce = stackalloc byte[EncryptionFormat.NonceSize];
        RandomNumberGenerator.Fill(nonce);
        return Wrap(keycode, recipient, packageId, ephemeral, nonce);
    }

    /// <summary>Deterministic wrapping for known-answer vectors only (fixed ephemeral key and nonce).</summary>
    internal static byte[] Wrap(Keycode keycode, ECDiffieHellman recipient, string packageId, ECDiffieHellman ephemeral, ReadOnlySpan<byte> nonce)
    {
        ArgumentNullException.ThrowIfNull(keycode);
        FormatLabels.ThrowIfInvalidIdentifier(packageId, nameof(packageId));
        var ephemeralPublic = P256.ExportRawPublicKey(ephemeral);
        using var recipientPublic = recipient.PublicKey;
        var wrapKey = DeriveWrapKey(ephemeral.DeriveRawSecretAgreement(recipientPublic), ephemeralPublic, packageId);

        var wrapped = new byte[WrappedSize];
        ephemeralPublic.CopyTo(wrapped, 0);
        var rest = wrapped.AsSpan(P256.RawPublicKeySize);
        nonce.CopyTo(rest);
        using var aes = new AesGcm(wrapKey, EncryptionFormat.TagSize);
        aes.Encrypt(nonce, keycode.Bytes, rest.Slice(EncryptionFormat.NonceSize, Keycode.Size), rest[(EncryptionFormat.NonceSize + Keycode.Size)..], Encoding.UTF8.GetBytes(packageId));
        CryptographicOperations.ZeroMemory(wrapKey);
        return wrapped;
    }

    /// <exception cref="KeyUnwrapException">Not wrapped for this device key and package, or altered.</exception>
    public static Keycode Unwrap(DeviceKeyPair recipient, ReadOnlySpan<byte> wrapped, string packageId)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        FormatLabels.ThrowIfInvalidIdentifier(packageId, nameof(packageId));
        if (wrapped.Length != WrappedSize) throw new KeyUnwrapException($"A wrapped keycode is {WrappedSize} bytes.");

        var ephemeralPublic = wrapped[..P256.RawPublicKeySize];
        var nonce = wrapped.Slice(P256.RawPublicKeySize, EncryptionFormat.NonceSize);
        var ciphertext = wrapped.Slice(P256.RawPublicKeySize + EncryptionFormat.NonceSize, Keycode.Size);
        var tag = wrapped[^EncryptionFormat.TagSize..];

        byte[] shared;
        try
        {
            using var ephemeral = P256.ImportRawPublicKey(ephemeralPublic);
            using var ephemeralPublicKey = ephemeral.PublicKey;
            shared = recipient.Key.DeriveRawSecretAgreement(ephemeralPublicKey);
        }
        catch (CryptographicException e)
        {
            throw new KeyUnwrapException("The wrapped keycode's ephemeral key is not a valid P-256 point.", e);
        }

        var wrapKey = DeriveWrapKey(shared, ephemeralPublic, packageId);
        Span<byte> keycode = stackalloc byte[Keycode.Size];
        try
        {
            using var aes = new AesGcm(wrapKey, EncryptionFormat.TagSize);
            aes.Decrypt(nonce, ciphertext, tag, keycode, Encoding.UTF8.GetBytes(packageId));
            return Keycode.FromBytes(keycode);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new KeyUnwrapException("The keycode was not wrapped for this device key and package, or was altered.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keycode);
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    internal static byte[] DeriveWrapKey(byte[] shared, ReadOnlySpan<byte> ephemeralPublicRaw, string packageId)
    {
        var wrapKey = new byte[EncryptionFormat.KeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, wrapKey, ephemeralPublicRaw, FormatLabels.Join(FormatLabels.KeycodeWrap, packageId));
        CryptographicOperations.ZeroMemory(shared);
        return wrapKey;
    }
}
