using System.Security.Cryptography;

namespace Safedrop.Crypto.Tests;

public sealed class PartStreamsTests
{
    private const int PartSize = EncryptionFormat.PartSize;
    private static readonly byte[] Key = DataKeyWrapper.NewDataKey();

    public static TheoryData<int> Lengths => [0, 1, PartSize - 1, PartSize, PartSize + 1, 2 * PartSize + 5];

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Should_Open_To_The_Plaintext_When_A_Stream_Is_Sealed_Part_By_Part(int length)
    {
        var plaintext = RandomNumberGenerator.GetBytes(length);
        using var cipher = new PartCipher(Key, "pkg_a", "f_1");
        using var sealedStream = new MemoryStream();

        var sealedLength = await PartStreams.SealAsync(new MemoryStream(plaintext), sealedStream, cipher, TestContext.Current.CancellationToken);
        sealedStream.Position = 0;
        using var opened = new MemoryStream();
        var openedLength = await PartStreams.OpenAsync(sealedStream, opened, cipher, TestContext.Current.CancellationToken);

        Assert.Equal(EncryptionFormat.SealedLength(length), sealedLength);
        Assert.Equal(length, openedLength);
        Assert.True(plaintext.AsSpan().SequenceEqual(opened.ToArray()));
    }

    [Fact]
    public async Task Should_Yield_Parts_Of_The_Format_Sizes_When_Sealing_Parts_For_Upload()
    {
        const int length = 2 * PartSize + 5;
        using var cipher = new PartCipher(Key, "pkg_a", "f_1");
        var parts = new List<(long Index, bool IsLast, int SealedLength)>();

        await foreach (var part in PartStreams.SealPartsAsync(new PatternStream(length), cipher, TestContext.Current.CancellationToken))
        {
            parts.Add((part.Index, part.IsLast, part.Sealed.Length));
        }

        Assert.Equal(
            [(0L, false, PartSize + 28), (1L, false, PartSize + 28), (2L, true, 5 + 28)],
            parts);
        Assert.Equal(EncryptionFormat.SealedPartLength(length, 2), parts[2].SealedLength);
    }

    [Fact]
    public async Task Should_Fail_When_The_Last_Part_Is_Cut_Off_The_Sealed_Stream()
    {
        using var cipher = new PartCipher(Key, "pkg_a", "f_1");
        var sealedBytes = await SealAsync(cipher, 2 * PartSize + 5);

        var truncated = sealedBytes[..(2 * (PartSize + EncryptionFormat.PartOverhead))];

        await Assert.ThrowsAsync<PartAuthenticationException>(() => OpenAsync(cipher, truncated));
    }

    [Fact]
    public async Task Should_Fail_When_Two_Sealed_Parts_Trade_Places()
    {
        using var cipher = new PartCipher(Key, "pkg_a", "f_1");
        var sealedBytes = await SealAsync(cipher, 2 * PartSize + 5);
        const int full = PartSize + EncryptionFormat.PartOverhead;

        byte[] reordered = [.. sealedBytes.AsSpan(full, full), .. sealedBytes.AsSpan(0, full), .. sealedBytes.AsSpan(2 * full)];

        await Assert.ThrowsAsync<PartAuthenticationException>(() => OpenAsync(cipher, reordered));
    }

    [Fact]
    public async Task Should_Fail_When_The_Sealed_Stream_Is_Empty()
    {
        using var cipher = new PartCipher(Key, "pkg_a", "f_1");

        await Assert.ThrowsAsync<PartAuthenticationException>(() => OpenAsync(cipher, []));
    }

    [Fact]
    public async Task Should_Keep_Allocations_Bounded_When_Sealing_A_64_MiB_Stream()
    {
        const long length = 64L * 1024 * 1024;
        using var cipher = new PartCipher(Key, "pkg_a", "f_1");
        using var destination = new CountingStream();
        var thread = Environment.CurrentManagedThreadId;
        var before = GC.GetAllocatedBytesForCurrentThread();

        // Both streams complete synchronously, so the whole run stays on this thread and is counted.
        await PartStreams.SealAsync(new PatternStream(length), destination, cipher, TestContext.Current.CancellationToken);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(thread, Environment.CurrentManagedThreadId);
        Assert.Equal(EncryptionFormat.SealedLength(length), destination.Written);
        // One pooled part buffer (rounded up to 8 MiB) plus small change; a copy per part would cost 64 MiB or more.
        Assert.True(allocated < 12L * 1024 * 1024, $"Sealing 64 MiB allocated {allocated:N0} bytes.");
    }

    private static async Task<byte[]> SealAsync(PartCipher cipher, int length)
    {
        using var sealedStream = new MemoryStream();
        await PartStreams.SealAsync(new PatternStream(length), sealedStream, cipher, TestContext.Current.CancellationToken);
        return sealedStream.ToArray();
    }

    private static async Task OpenAsync(PartCipher cipher, byte[] sealedBytes) =>
        await PartStreams.OpenAsync(new MemoryStream(sealedBytes), Stream.Null, cipher, TestContext.Current.CancellationToken);

    private sealed class CountingStream : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position
        {
            get => Written;
            set => throw new NotSupportedException();
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;

        public override void Write(byte[] buffer, int offset, int count) => Written += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
