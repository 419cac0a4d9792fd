using System.Security.Cryptography;

namespace Safedrop.Crypto;

/// <summary>
/// The Organization's key-encryption key (KEK): 32 bytes from its Secret (<c>Safedrop:KeyEncryption:Key</c>, base64) or a
/// key file in local mode. <see cref="KeyId"/> = hex of the first 8 bytes of SHA-256(KEK); it names the KEK inside every
/// wrapped data key so rotation knows which one to use, and reveals nothing useful about the key.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const int Size = 32;
    private const int KeyIdBytes = 8;

    private readonly byte[] key;

    private KeyEncryptionKey(byte[] key)
    {
        this.key = key;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, KeyIdBytes));
    }

    /// <summary>16 lowercase hex characters.</summary>
    public string KeyId { get; }

    internal ReadOnlySpan<byte> Bytes => key;

    public static KeyEncryptionKey Generate() => new(RandomNumberGenerator.GetBytes(Size));

    public static KeyEncryptionKey FromBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length != Size) throw new ArgumentException($"A key-encryption key is {Size} bytes.", nameof(value));
        return new KeyEncryptionKey(value.ToArray());
    }

    /// <summary>Standard base64 (with or without padding, surrounding whitespace ignored) as a Kubernetes Secret holds it.</summary>
    /// <exception cref="FormatException">Not base64 of 32 bytes.</exception>
    public static KeyEncryptionKey Parse(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var text = base64.Trim();
        if (text.Length % 4 != 0) text = text.PadRight(text.Length + (4 - text.Length % 4), '=');
        Span<byte> value = stackalloc byte[Size + 3];
        if (!Convert.TryFromBase64String(text, value, out var length) || length != Size)
        {
            throw new FormatException($"A key-encryption key is {Size} bytes in base64.");
        }

        return FromBytes(value[..Size]);
    }

    /// <summary>
    /// A key for another purpose derived from this one (HKDF-SHA256, info = <paramref name="purpose"/>), so
    /// replicas sharing the key-encryption key agree on it without a second secret to distribute.
    /// </summary>
    public byte[] DeriveKey(string purpose, int length = Size) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, length, salt: [], info: System.Text.Encoding.UTF8.GetBytes(purpose));

    /// <summary>For writing the local-mode key file.</summary>
    public string ToBase64() => Convert.ToBase64String(key);

    public override string ToString() => $"KeyEncryptionKey({KeyId})";
}
