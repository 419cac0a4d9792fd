using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Safedrop.Benchmarks;

/// <summary>
/// Deterministic incompressible content of any length, generated as it is read and never held whole: the 8 bytes
/// at offset 8·i are SplitMix64(seed + i), so any position can be read again (the client seeks back to resume)
/// and the expected hash of a download is known without keeping the file.
/// </summary>
internal sealed class PseudoRandomContent(long length, ulong seed) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>SHA-256 of the whole content, computed by streaming it once (outside any timed section).</summary>
    public static byte[] Sha256(long length, ulong seed)
    {
        using var content = new PseudoRandomContent(length, seed);
        return SHA256.HashData(content);
    }

    /// <summary>Fills <paramref name="buffer"/> with the content at <paramref name="offset"/>.</summary>
    public static void Fill(Span<byte> buffer, long offset, ulong seed)
    {
        var word = offset / 8;
        var skip = (int)(offset % 8);
        Span<byte> bytes = stackalloc byte[8];
        var written = 0;
        if (skip > 0)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, SplitMix64(seed + (ulong)word++));
            written = Math.Min(8 - skip, buffer.Length);
            bytes.Slice(skip, written).CopyTo(buffer);
        }

        for (; written + 8 <= buffer.Length; written += 8)
            BinaryPrimitives.WriteUInt64LittleEndian(buffer[written..], SplitMix64(seed + (ulong)word++));

        if (written < buffer.Length)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, SplitMix64(seed + (ulong)word));
            bytes[..(buffer.Length - written)].CopyTo(buffer[written..]);
        }
    }

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, Math.Max(0, length - position));
        Fill(buffer[..count], position, seed);
        position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
