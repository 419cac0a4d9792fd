namespace Safedrop.Api.Tests.Storage;

/// <summary>
/// A source of <c>length</c> deterministic bytes made on the fly (no buffer of its size), which can be told
/// to fail after a number of bytes, like a client whose upload breaks off.
/// </summary>
internal sealed class PatternStream(long length, long? failAfter = null, byte seed = 0) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    /// <summary>The byte at an offset, for checking what comes back without keeping a copy.</summary>
    public static byte At(long offset, byte seed = 0) => (byte)((offset * 31 + (offset >> 11) + seed) & 0xFF);

    public static byte[] Bytes(int length, byte seed = 0)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++) bytes[i] = At(i, seed);
        return bytes;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (failAfter is { } limit && position >= limit) throw new IOException("The test source broke off.");
        var end = Math.Min(length, failAfter ?? long.MaxValue);
        var count = (int)Math.Min(buffer.Length, end - position);
        if (count <= 0) return 0;
        for (var i = 0; i < count; i++) buffer[i] = At(position + i, seed);
        position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
