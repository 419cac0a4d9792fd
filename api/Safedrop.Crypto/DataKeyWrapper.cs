using System.Security.Cryptography;
using System.Text;

namespace Safedrop.Crypto;

/// <summary>
/// Wraps the per-object data keys of server-readable data (workspace files, workflow copies) under the Organization's
/// KEK: wrapped = keyId (UTF-8) ‖ 0x00 ‖ nonce (12) ‖ AES-256-GCM(KEK, dataKey, AAD = "safedrop/v1 data key" ‖ 0x00 ‖ objectKey) ‖ tag (16).
/// The AAD binds a wrapped key to its object, so copying one object's wrapped key onto another does not open it.
/// Rotation: construct with the new KEK as current and the old ones as previous, <see cref="Rewrap"/> every wrapped key,
/// then drop the old KEK. The data itself is never re-encrypted.
/// </summary>
public sealed class DataKeyWrapper
{
    private readonly Dictionary<string, KeyEncryptionKey> keys = new(StringComparer.Ordinal);

    public DataKeyWrapper(KeyEncryptionKey current, IEnumerable<KeyEncryptionKey>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        Current = current;
        keys[current.KeyId] = current;
        foreach (var key in previous ?? []) keys.TryAdd(key.KeyId, key);
    }

    public KeyEncryptionKey Current { get; }

    /// <summary>A fresh random data key: the "file key" of the object's parts (see <see cref="PartCipher"/>).</summary>
    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(EncryptionFormat.KeySize);

    public byte[] Wrap(ReadOnlySpan<byte> dataKey, string objectKey)
    {
        Span<byte> nonce = stackalloc byte[EncryptionFormat.NonceSize];
        RandomNumberGenerator.Fill(nonce);
        return Wrap(dataKey, objectKey, nonce);
    }

    /// <summary>Deterministic wrapping for known-answer vectors only.</summary>
    internal byte[] Wrap(ReadOnlySpan<byte> dataKey, string objectKey, ReadOnlySpan<byte> nonce)
    {
        if (dataKey.Length != EncryptionFormat.KeySize) throw new ArgumentException($"A data key is {EncryptionFormat.KeySize} bytes.", nameof(dataKey));
        FormatLabels.ThrowIfInvalidIdentifier(objectKey, nameof(objectKey));

        var keyId = Encoding.UTF8.GetBytes(Current.KeyId);
        var wrapped = new byte[keyId.Length + 1 + EncryptionFormat.NonceSize + EncryptionFormat.KeySize + EncryptionFormat.TagSize];
        keyId.CopyTo(wrapped, 0);
        var rest = wrapped.AsSpan(keyId.Length + 1);
        nonce.CopyTo(rest);
        using var aes = new AesGcm(Current.Bytes, EncryptionFormat.TagSize);
        aes.Encrypt(nonce, dataKey, rest.Slice(EncryptionFormat.NonceSize, EncryptionFormat.KeySize), rest[(EncryptionFormat.NonceSize + EncryptionFormat.KeySize)..], FormatLabels.Join(FormatLabels.DataKey, objectKey));
        return wrapped;
    }

    /// <summary>Unwraps with whichever known KEK (current or previous) the wrapped key names.</summary>
    /// <exception cref="KeyUnwrapException">Unknown key id, another object's wrapped key, or altered bytes.</exception>
    public byte[] Unwrap(ReadOnlySpan<byte> wrapped, string objectKey)
    {
        FormatLabels.ThrowIfInvalidIdentifier(objectKey, nameof(objectKey));
        var keyId = KeyIdOf(wrapped);
        if (!keys.TryGetValue(keyId, out var kek)) throw new KeyUnwrapException($"No key-encryption key with id {keyId} is configured.");

        var rest = wrapped[(Encoding.UTF8.GetByteCount(keyId) + 1)..];
        if (rest.Length != EncryptionFormat.NonceSize + EncryptionFormat.KeySize + EncryptionFormat.TagSize) throw new KeyUnwrapException("A wrapped data key has the wrong length.");

        var dataKey = new byte[EncryptionFormat.KeySize];
        try
        {
            using var aes = new AesGcm(kek.Bytes, EncryptionFormat.TagSize);
            aes.Decrypt(rest[..EncryptionFormat.NonceSize], rest.Slice(EncryptionFormat.NonceSize, EncryptionFormat.KeySize), rest[^EncryptionFormat.TagSize..], dataKey, FormatLabels.Join(FormatLabels.DataKey, objectKey));
            return dataKey;
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new KeyUnwrapException($"The data key of {objectKey} did not authenticate under key {keyId}.", e);
        }
    }

    /// <summary>The same data key wrapped under <see cref="Current"/>; the object's sealed parts stay as they are.</summary>
    public byte[] Rewrap(ReadOnlySpan<byte> wrapped, string objectKey)
    {
        var dataKey = Unwrap(wrapped, objectKey);
        try
        {
            return Wrap(dataKey, objectKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Whether the wrapped key already uses <see cref="Current"/>, i.e. rotation can skip it.</summary>
    public bool IsCurrent(ReadOnlySpan<byte> wrapped) => KeyIdOf(wrapped) == Current.KeyId;

    /// <exception cref="KeyUnwrapException">No key id terminated by 0x00.</exception>
    public static string KeyIdOf(ReadOnlySpan<byte> wrapped)
    {
        var end = wrapped.IndexOf((byte)0);
        if (end <= 0) throw new KeyUnwrapException("A wrapped data key starts with its key id and a zero byte.");
        return Encoding.UTF8.GetString(wrapped[..end]);
    }
}
