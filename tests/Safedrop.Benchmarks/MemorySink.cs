using System.Security.Cryptography;

namespace Safedrop.Benchmarks;

/// <summary>
/// A write-only stream into one preallocated buffer of the file's size. Downloads are checked after the clock stops, so
/// neither the Safedrop path (which delivers the file in order) nor the baseline (which gets parts in any order) is
/// timed while hashing: the benchmark's own verification is not what either of them costs a user.
/// </summary>
internal sealed class MemorySink : WriteOnlySink
{
    private readonly byte[] buffer;
    private int written;

    public MemorySink(long capacity)
    {
        buffer = GC.AllocateUninitializedArray<byte>(checked((int)capacity));
        // Written once now, so that no page of it is first touched (and faulted in) while a download is timed.
        buffer.AsSpan().Fill(0xA5);
    }

    public override long Length => written;

    /// <summary>Room for a part that arrives out of order (the baseline reads straight into it).</summary>
    public Memory<byte> Slice(long offset, int length) => buffer.AsMemory(checked((int)offset), length);

    public byte[] Sha256() => SHA256.HashData(buffer.AsSpan(0, written));

    public byte[] Sha256(long offset, int length) => SHA256.HashData(buffer.AsSpan(checked((int)offset), length));

    public override void Write(ReadOnlySpan<byte> source)
    {
        source.CopyTo(buffer.AsSpan(written));
        written += source.Length;
    }
}
