namespace Safedrop.Api.Storage;

/// <summary>
/// A read-only view of a source that must hold exactly <c>length</c> bytes. It ends there, and fails
/// with <see cref="InvalidDataException"/> as soon as the source proves shorter or longer: the surplus
/// check runs before the last bytes are handed out, so an uploader never completes an object from a
/// source of the wrong size. It also remembers whether the source itself failed, so that a client that
/// broke off its upload is not mistaken for unreachable storage.
/// </summary>
internal sealed class ExactLengthStream(Stream source, long expectedLength, string key) : Stream
{
    private readonly long length = expectedLength;
    private long remaining = expectedLength;

    /// <summary>True when reading the source threw or it had the wrong length.</summary>
    public bool SourceFailed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => length - remaining;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (remaining == 0 || buffer.IsEmpty) return 0;
        var slice = buffer[..(int)Math.Min(buffer.Length, remaining)];
        try
        {
            var read = source.Read(slice);
            // Reaching the end: one more byte would mean the source is longer than declared.
            return Account(read, read > 0 && read == remaining ? source.Read(new byte[1]) : 0);
        }
        catch
        {
            SourceFailed = true;
            throw;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (remaining == 0 || buffer.IsEmpty) return 0;
        try
        {
            var read = await source.ReadAsync(buffer[..(int)Math.Min(buffer.Length, remaining)], cancellationToken);
            return Account(read, read > 0 && read == remaining ? await source.ReadAsync(new byte[1], cancellationToken) : 0);
        }
        catch
        {
            SourceFailed = true;
            throw;
        }
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Account(int read, int surplus)
    {
        if (read == 0) Fail($"Object {key}: expected {length} bytes, the source ended after {length - remaining}.");
        if (surplus > 0) Fail($"Object {key}: expected {length} bytes, the source holds more.");
        remaining -= read;
        return read;
    }

    private void Fail(string message)
    {
        SourceFailed = true;
        throw new InvalidDataException(message);
    }
}
