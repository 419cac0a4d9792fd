using System.Buffers;
using Safedrop.Api.Packages;
using Safedrop.Api.Storage;
using Safedrop.Crypto;

namespace Safedrop.Api.Workflows.Engine.Copy;

/// <summary>
/// A package file's plaintext as a forward-only stream: fetches and opens one sealed part at a time, so memory stays at
/// one part whatever the file's size. A part that is missing or fails authentication ends the stream with an exception.
/// </summary>
public sealed class PackageFilePlaintextStream(IObjectStore store, string packageId, PackageFile file, PartCipher cipher) : Stream
{
    private readonly byte[] plaintext = ArrayPool<byte>.Shared.Rent(EncryptionFormat.PartSize);
    private long nextPart;
    private int offset;
    private int length;
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => file.Size;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (offset == length)
        {
            if (nextPart == file.PartCount) return 0;
            await OpenNextPartAsync(cancellationToken);
            if (length == 0) return 0;
        }
        var count = Math.Min(buffer.Length, length - offset);
        plaintext.AsMemory(offset, count).CopyTo(buffer);
        offset += count;
        position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    private async Task OpenNextPartAsync(CancellationToken cancellationToken)
    {
        var index = nextPart++;
        var key = PackageStore.PartKey(packageId, file.FileId, index);
        await using var stored = await store.OpenReadAsync(key, cancellationToken)
            ?? throw new PartAuthenticationException($"Part {index} of {file.FileId} is missing from storage.");
        var expected = EncryptionFormat.SealedPartLength(file.Size, index);
        var sealedPart = ArrayPool<byte>.Shared.Rent(checked((int)expected) + 1);
        try
        {
            var read = 0;
            int got;
            while (read <= expected && (got = await stored.ReadAsync(sealedPart.AsMemory(read, (int)expected + 1 - read), cancellationToken)) > 0) read += got;
            if (read != expected) throw new PartAuthenticationException($"Part {index} of {file.FileId} has {read} bytes, not {expected}.");
            length = cipher.Open(index, index == file.PartCount - 1, sealedPart.AsSpan(0, read), plaintext);
            offset = 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(sealedPart, clearArray: true);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ArrayPool<byte>.Shared.Return(plaintext, clearArray: true);
            cipher.Dispose();
        }
        base.Dispose(disposing);
    }
}
