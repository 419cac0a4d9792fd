using System.Security.Cryptography;

namespace Safedrop.Crypto;

/// <summary>
/// verifier = HKDF-SHA256(ikm = keycode, salt = empty, info = "safedrop/v1 keycode verifier", 32 bytes).
/// The client presents it; the API keeps only SHA-256(verifier), so a leaked database row proves nothing
/// and HKDF's one-wayness means the verifier never reveals the keycode (or a file key).
/// </summary>
public static class KeycodeVerifier
{
    public const int Size = 32;

    public static byte[] Derive(Keycode keycode)
    {
        ArgumentNullException.ThrowIfNull(keycode);
        var verifier = new byte[Size];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, keycode.Bytes, verifier, salt: [], FormatLabels.Join(FormatLabels.Verifier));
        return verifier;
    }

    /// <summary>What the API stores: SHA-256(verifier).</summary>
    public static byte[] Hash(ReadOnlySpan<byte> verifier) => SHA256.HashData(verifier);

    /// <summary>
    /// Whether <paramref name="presented"/> hashes to <paramref name="storedHash"/>. Compared in constant time, so
    /// response timing says nothing about how many leading bytes were right.
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> storedHash, ReadOnlySpan<byte> presented)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(presented, hash);
        return CryptographicOperations.FixedTimeEquals(hash, storedHash);
    }
}
