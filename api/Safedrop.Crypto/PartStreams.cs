using System.Buffers;
using System.Runtime.CompilerServices;

namespace Safedrop.Crypto;

/// <summary>
/// Seals or opens a whole file part by part. Memory stays at one pooled part buffer whatever the file size (a 1 GiB
/// file costs the same ~4 MiB as a small one). Whether a part is the last is learned by reading one byte ahead, so
/// the plaintext length need not be known in advance.
/// </summary>
public static class PartStreams
{
    private const int BufferSize = EncryptionFormat.PartSize + EncryptionFormat.PartOverhead;

    /// <summary>Seals <paramref name="plaintext"/> and writes the sealed parts back to back (the layout of <see cref="EncryptionFormat.SealedLength"/>).</summary>
    /// <returns>The number of sealed bytes written.</returns>
    public static async Task<long> SealAsync(Stream plaintext, Stream destination, PartCipher cipher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        long written = 0;
        await foreach (var part in SealPartsAsync(plaintext, cipher, cancellationToken))
        {
            await destination.WriteAsync(part.Sealed, cancellationToken);
            written += part.Sealed.Length;
        }

        return written;
    }

    /// <summary>
    /// Yields the sealed parts of <paramref name="plaintext"/> in order, each ready to upload as one object. An empty
    /// stream yields one empty last part. Each part's memory is reused for the next one.
    /// </summary>
    public static async IAsyncEnumerable<SealedPart> SealPartsAsync(Stream plaintext, PartCipher cipher, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(cipher);

        // Layout: nonce ‖ plaintext, sealed in place into nonce ‖ ciphertext ‖ tag. The tag area doubles as the
        // one-byte look-ahead, saved before sealing overwrites it.
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var carried = 0;
            for (long index = 0; ; index++)
            {
                var length = carried + await ReadFullyAsync(plaintext, buffer.AsMemory(EncryptionFormat.NonceSize + carried, EncryptionFormat.PartSize - carried), cancellationToken);
                var lookAhead = EncryptionFormat.NonceSize + EncryptionFormat.PartSize;
                var isLast = length < EncryptionFormat.PartSize || await ReadFullyAsync(plaintext, buffer.AsMemory(lookAhead, 1), cancellationToken) == 0;
                var next = buffer[lookAhead];

                var sealedLength = cipher.Seal(index, isLast, buffer.AsSpan(EncryptionFormat.NonceSize, length), buffer);
                yield return new SealedPart(index, isLast, length, buffer.AsMemory(0, sealedLength));
                if (isLast) yield break;

                buffer[EncryptionFormat.NonceSize] = next;
                carried = 1;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>Opens sealed parts stored back to back and writes the plaintext.</summary>
    /// <returns>The number of plaintext bytes written.</returns>
    /// <exception cref="PartAuthenticationException">
    /// Any part is altered, missing, reordered or foreign. Plaintext of earlier parts may already be written: treat
    /// the destination as garbage then.
    /// </exception>
    public static async Task<long> OpenAsync(Stream sealedParts, Stream destination, PartCipher cipher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sealedParts);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(cipher);

        // One byte more than a full sealed part, for the look-ahead.
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize + 1);
        try
        {
            long written = 0;
            var carried = 0;
            for (long index = 0; ; index++)
            {
                var length = carried + await ReadFullyAsync(sealedParts, buffer.AsMemory(carried, BufferSize - carried), cancellationToken);
                var isLast = length < BufferSize || await ReadFullyAsync(sealedParts, buffer.AsMemory(BufferSize, 1), cancellationToken) == 0;

                var plaintextLength = cipher.Open(index, isLast, buffer.AsSpan(0, length), buffer.AsSpan(EncryptionFormat.NonceSize));
                await destination.WriteAsync(buffer.AsMemory(EncryptionFormat.NonceSize, plaintextLength), cancellationToken);
                written += plaintextLength;
                if (isLast) return written;

                buffer[0] = buffer[BufferSize];
                carried = 1;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static async ValueTask<int> ReadFullyAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer[total..], cancellationToken);
            if (read == 0) break;
            total += read;
        }

        return total;
    }
}
