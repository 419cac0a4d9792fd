using Safedrop.Crypto;

namespace Safedrop.Client.Transfer;

/// <summary>
/// Reads the plaintext of chosen parts of a file in ascending order. Parts not asked for are skipped by seeking when
/// the stream can seek (a resumed upload reads only what it sends), else by reading past them.
/// </summary>
internal sealed class PartReader(Stream stream, long size)
{
    private readonly long origin = stream.CanSeek ? stream.Position : 0;
    private long position;

    public async Task<int> ReadPartAsync(long part, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var offset = part * EncryptionFormat.PartSize;
        var length = (int)(EncryptionFormat.SealedPartLength(size, part) - EncryptionFormat.PartOverhead);
        if (offset < position) throw new InvalidOperationException("Parts are read in ascending order.");
        await SkipAsync(offset - position, destination, cancellationToken);

        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(destination.Slice(read, length - read), cancellationToken);
            if (n == 0) throw new IOException($"The file ended at byte {offset + read}, before its declared {size} bytes.");
            read += n;
        }

        position = offset + length;
        return length;
    }

    private async Task SkipAsync(long count, Memory<byte> scratch, CancellationToken cancellationToken)
    {
        if (count == 0) return;
        if (stream.CanSeek)
        {
            stream.Seek(origin + position + count, SeekOrigin.Begin);
            return;
        }

        while (count > 0)
        {
            var n = await stream.ReadAsync(scratch[..(int)Math.Min(count, scratch.Length)], cancellationToken);
            if (n == 0) throw new IOException($"The file ended before its declared {size} bytes.");
            count -= n;
        }
    }
}
