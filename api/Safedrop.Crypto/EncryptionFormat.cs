namespace Safedrop.Crypto;

/// <summary>Constants of format v1; docs/encryption.md describes it byte by byte.</summary>
public static class EncryptionFormat
{
    /// <summary>Plaintext bytes per part (the last part of a file may be shorter, an empty file has one empty part).</summary>
    public const int PartSize = 4 * 1024 * 1024;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    /// <summary>A stored part is nonce ‖ ciphertext ‖ tag.</summary>
    public const int PartOverhead = NonceSize + TagSize;
    public const int KeySize = 32;

    public static long PartCount(long plaintextLength) => plaintextLength == 0 ? 1 : (plaintextLength + PartSize - 1) / PartSize;

    public static long SealedLength(long plaintextLength) => plaintextLength + PartCount(plaintextLength) * PartOverhead;

    /// <summary>Stored (sealed) size of part <paramref name="index"/> of a file of <paramref name="plaintextLength"/> bytes.</summary>
    public static long SealedPartLength(long plaintextLength, long index)
    {
        var count = PartCount(plaintextLength);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        var plain = index < count - 1 ? PartSize : plaintextLength - (count - 1) * PartSize;
        return plain + PartOverhead;
    }
}
