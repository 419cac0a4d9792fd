using System.Security.Cryptography;

namespace Safedrop.Benchmarks;

/// <summary>A write-only stream that keeps nothing but the SHA-256 and length of what was written: downloads are verified without a disk or memory copy.</summary>
internal sealed class HashingSink : WriteOnlySink
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long written;

    public override long Length => written;

    public byte[] Sha256() => hash.GetCurrentHash();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        hash.AppendData(buffer);
        written += buffer.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) hash.Dispose();
        base.Dispose(disposing);
    }
}
