using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Safedrop.Crypto;

/// <summary>
/// Seals and opens the parts of one file: stored part = nonce(12, random) ‖ AES-256-GCM ciphertext ‖ tag(16), with
/// AAD = "safedrop/v1 part" ‖ 0x00 ‖ packageId ‖ 0x00 ‖ fileId ‖ 0x00 ‖ uint64 big-endian(index) ‖ byte(isLast).
/// The AAD binds every part to its place, so a part moved to another file, index or package, or a file cut after
/// any part but its real last one, fails authentication. Not thread-safe: one instance per file and thread.
/// </summary>
public sealed class PartCipher : IDisposable
{
    private const int AadTail = sizeof(ulong) + 1;

    private readonly AesGcm aes;

    // Prefix fixed per file; the index and flag at the end are rewritten per call, so sealing allocates nothing.
    private readonly byte[] aad;

    /// <param name="fileKey">A derived file key (<see cref="PackageKeys"/>) or a server-side data key.</param>
    /// <param name="packageId">The package id, or a scope such as "workspace/&lt;name&gt;" for server-readable data.</param>
    /// <param name="fileId">The file id, or the object id for server-readable data.</param>
    public PartCipher(ReadOnlySpan<byte> fileKey, string packageId, string fileId)
    {
        if (fileKey.Length != EncryptionFormat.KeySize) throw new ArgumentException($"A file key is {EncryptionFormat.KeySize} bytes.", nameof(fileKey));
        FormatLabels.ThrowIfInvalidIdentifier(packageId, nameof(packageId));
        FormatLabels.ThrowIfInvalidIdentifier(fileId, nameof(fileId));
        PackageId = packageId;
        FileId = fileId;
        // Join(label, packageId, fileId, "") ends with the 0x00 that precedes the index.
        var prefix = FormatLabels.Join(FormatLabels.Part, packageId, fileId, string.Empty);
        aad = new byte[prefix.Length + AadTail];
        prefix.CopyTo(aad, 0);
        aes = new AesGcm(fileKey, EncryptionFormat.TagSize);
    }

    public string PackageId { get; }

    public string FileId { get; }

    /// <summary>Seals one part with a fresh random nonce.</summary>
    public byte[] Seal(long index, bool isLast, ReadOnlySpan<byte> plaintext)
    {
        var sealedPart = new byte[plaintext.Length + EncryptionFormat.PartOverhead];
        Seal(index, isLast, plaintext, sealedPart);
        return sealedPart;
    }

    /// <summary>
    /// Seals one part with a fresh random nonce into <paramref name="destination"/> (at least plaintext + 28 bytes) and
    /// returns the sealed length. The plaintext may sit exactly at destination[12..] to seal in place.
    /// </summary>
    public int Seal(long index, bool isLast, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        Span<byte> nonce = stackalloc byte[EncryptionFormat.NonceSize];
        RandomNumberGenerator.Fill(nonce);
        return SealWithNonce(index, isLast, nonce, plaintext, destination);
    }

    /// <summary>Deterministic sealing for known-answer vectors only: reusing a nonce under one key breaks GCM.</summary>
    internal int SealWithNonce(long index, bool isLast, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(plaintext.Length, EncryptionFormat.PartSize, nameof(plaintext));
        if (nonce.Length != EncryptionFormat.NonceSize) throw new ArgumentException($"A nonce is {EncryptionFormat.NonceSize} bytes.", nameof(nonce));
        var sealedLength = plaintext.Length + EncryptionFormat.PartOverhead;
        if (destination.Length < sealedLength) throw new ArgumentException("The destination is too small for the sealed part.", nameof(destination));

        var ciphertext = destination.Slice(EncryptionFormat.NonceSize, plaintext.Length);
        var tag = destination.Slice(EncryptionFormat.NonceSize + plaintext.Length, EncryptionFormat.TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, Aad(index, isLast));
        // Written last: in-place sealing reads the plaintext from after the nonce, never from where it goes.
        nonce.CopyTo(destination);
        return sealedLength;
    }

    /// <exception cref="PartAuthenticationException">The part is not the authentic part at this place of this file.</exception>
    public byte[] Open(long index, bool isLast, ReadOnlySpan<byte> sealedPart)
    {
        var plaintext = new byte[Math.Max(0, sealedPart.Length - EncryptionFormat.PartOverhead)];
        Open(index, isLast, sealedPart, plaintext);
        return plaintext;
    }

    /// <summary>
    /// Opens one part into <paramref name="destination"/> and returns the plaintext length. The destination may sit
    /// exactly at sealedPart[12..] to open in place. On failure the destination holds no plaintext.
    /// </summary>
    /// <exception cref="PartAuthenticationException">The part is not the authentic part at this place of this file.</exception>
    public int Open(long index, bool isLast, ReadOnlySpan<byte> sealedPart, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (sealedPart.Length < EncryptionFormat.PartOverhead) throw new PartAuthenticationException($"Part {index} is shorter than a nonce and a tag.");
        var length = sealedPart.Length - EncryptionFormat.PartOverhead;
        if (length > EncryptionFormat.PartSize) throw new PartAuthenticationException($"Part {index} is longer than a part can be.");
        if (destination.Length < length) throw new ArgumentException("The destination is too small for the plaintext.", nameof(destination));

        var nonce = sealedPart[..EncryptionFormat.NonceSize];
        var ciphertext = sealedPart.Slice(EncryptionFormat.NonceSize, length);
        var tag = sealedPart.Slice(EncryptionFormat.NonceSize + length, EncryptionFormat.TagSize);
        var plaintext = destination[..length];
        try
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, Aad(index, isLast));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new PartAuthenticationException($"Part {index} (last: {isLast}) of file {FileId} failed authentication.", e);
        }

        return length;
    }

    public void Dispose() => aes.Dispose();

    private ReadOnlySpan<byte> Aad(long index, bool isLast)
    {
        BinaryPrimitives.WriteUInt64BigEndian(aad.AsSpan(aad.Length - AadTail), (ulong)index);
        aad[^1] = isLast ? (byte)1 : (byte)0;
        return aad;
    }
}
