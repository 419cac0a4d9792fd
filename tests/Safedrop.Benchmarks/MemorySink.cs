using System.Security.Cryptography;

namespace Safedrop.Benchmarks;

/// <summary>
/// A write-only stream into one preallocated buffer of the file's size. Downloads are checked after the clock stops, so
/// neither the Safedrop path (which delivers the file in order) nor the baseline (which gets parts in any order) is
/// timed while hashing: the benchmark's own verification is not what either of them costs a user.
/// </summary>
internal sealed class MemorySink : Stream
{
    private readonly byte[] buffer;
    private int written;

    public MemorySink(long capacity)
    {
        buffer = GC.AllocateUninitializedArray<byte>(checked((int)capacity));
        // Written once now, so that no page of it is first touched (and faulted in) while a download is timed.
        buffer.AsSpan().Fill(0xA5);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => written;

    public override long Position
    {
        get => written;
        set => throw new NotSupportedException();
    }

    /// <summary>Room for a part that arrives out of order (the baseline reads straight into it).</summary>
    public Memory<byte> Slice(long offset, int length) => buffer.AsMemory(checked((int)offset), length);

    public byte[] Sha256() => SHA256.HashData(buffer.AsSpan(0, written));

    public byte[] Sha256(long offset, int length) => SHA256.HashData(buffer.AsSpan(checked((int)offset), length));

    public override void Write(ReadOnlySpan<byte> source)
    {
        source.CopyTo(buffer.AsSpan(written));
        written += source.Length;
    }

    public override void Write(byte[] source, int offset, int count) => Write(source.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        Write(source.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] source, int offset, int count, CancellationToken cancellationToken)
    {
        Write(source.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
