using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Minio;
using Minio.DataModel.Args;
using Safedrop.Crypto;
using Safedrop.Testing;

namespace Safedrop.Benchmarks;

/// <summary>
/// Plain S3 without Safedrop, against the same server in the same run: presigned URLs (signed locally by the Minio
/// SDK) used with a plain HttpClient, as the .NET client uses the URLs the API signs. <see cref="PutPartsAsync"/> and
/// <see cref="GetPartsAsync"/> move the same objects the client moves (sealed part sizes, the client's parallelism),
/// so the ratio against them is Safedrop's overhead and nothing else. One-stream PUT/GET of one object is offered as
/// context.
/// </summary>
internal sealed class S3Baseline : IDisposable
{
    private const long SealedPartSize = EncryptionFormat.PartSize + EncryptionFormat.PartOverhead;
    private readonly IMinioClient minio;
    private readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromMinutes(30) };
    private readonly string bucket = "baseline-" + Guid.NewGuid().ToString("N")[..12];

    private S3Baseline(IMinioClient minio) => this.minio = minio;

    public static async Task<S3Baseline> CreateAsync(S3Server s3, CancellationToken cancellationToken)
    {
        var minio = new MinioClient()
            .WithEndpoint(s3.Endpoint.Host, s3.Endpoint.Port)
            .WithCredentials(s3.AccessKey, s3.SecretKey)
            .WithRegion("us-east-1")
            .Build();
        var baseline = new S3Baseline(minio);
        await minio.MakeBucketAsync(new MakeBucketArgs().WithBucket(baseline.bucket), cancellationToken);
        return baseline;
    }

    /// <summary>The sealed sizes of a file's parts, as the client stores them (an empty file has one empty part).</summary>
    public static long[] SealedParts(long plaintextSize)
    {
        var count = EncryptionFormat.PartCount(plaintextSize);
        return [.. Enumerable.Range(0, (int)count).Select(i => EncryptionFormat.SealedPartLength(plaintextSize, i))];
    }

    /// <summary>PUTs the parts (generated content, the same generator as the client's file) <paramref name="parallelism"/> at a time; returns the time and each part's SHA-256 for the GET to check.</summary>
    public async Task<(TimeSpan Elapsed, byte[][] Hashes)> PutPartsAsync(string name, long plaintextSize, ulong seed, int parallelism, CancellationToken cancellationToken)
    {
        var parts = SealedParts(plaintextSize);
        var hashes = new byte[parts.Length][];
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, parts.Length), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent((int)SealedPartSize);
            try
            {
                var part = buffer.AsMemory(0, (int)parts[i]);
                PseudoRandomContent.Fill(part.Span, i * SealedPartSize, seed);
                hashes[i] = SHA256.HashData(part.Span);
                var url = await minio.PresignedPutObjectAsync(new PresignedPutObjectArgs().WithBucket(bucket).WithObject($"{name}/{i}").WithExpiry(3600));
                using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ReadOnlyMemoryContent(part) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                response.EnsureSuccessStatusCode();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        });
        return (Stopwatch.GetElapsedTime(started), hashes);
    }

    /// <summary>
    /// GETs the parts <paramref name="parallelism"/> at a time, each straight into its place in one buffer, then (untimed)
    /// checks each against its SHA-256.
    /// </summary>
    public async Task<TimeSpan> GetPartsAsync(string name, long plaintextSize, byte[][] hashes, int parallelism, CancellationToken cancellationToken)
    {
        var parts = SealedParts(plaintextSize);
        using var sink = new MemorySink(parts.Sum());
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, hashes.Length), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var url = await minio.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket(bucket).WithObject($"{name}/{i}").WithExpiry(3600));
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, token);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(token);
            await body.ReadExactlyAsync(sink.Slice(i * SealedPartSize, (int)parts[i]), token);
        });
        var elapsed = Stopwatch.GetElapsedTime(started);
        for (var i = 0; i < parts.Length; i++)
        {
            if (!sink.Sha256(i * SealedPartSize, (int)parts[i]).AsSpan().SequenceEqual(hashes[i]))
                throw new InvalidDataException($"Baseline part {i} of {name} came back different from what was stored.");
        }
        return elapsed;
    }

    /// <summary>One PUT of the whole object from a generated stream (no part buffers), then one GET into a hash.</summary>
    public async Task<(TimeSpan Put, TimeSpan Get)> SingleStreamAsync(string name, long size, ulong seed, byte[] expectedSha256, CancellationToken cancellationToken)
    {
        var putUrl = await minio.PresignedPutObjectAsync(new PresignedPutObjectArgs().WithBucket(bucket).WithObject(name).WithExpiry(3600));
        var started = Stopwatch.GetTimestamp();
        using (var request = new HttpRequestMessage(HttpMethod.Put, putUrl) { Content = new StreamContent(new PseudoRandomContent(size, seed), 1 << 20) })
        {
            request.Content.Headers.ContentLength = size;
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        var put = Stopwatch.GetElapsedTime(started);
        var getUrl = await minio.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket(bucket).WithObject(name).WithExpiry(3600));
        started = Stopwatch.GetTimestamp();
        using (var response = await http.GetAsync(getUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken))
        {
            response.EnsureSuccessStatusCode();
            using var sink = new HashingSink();
            await (await response.Content.ReadAsStreamAsync(cancellationToken)).CopyToAsync(sink, 1 << 20, cancellationToken);
            if (!sink.Sha256().AsSpan().SequenceEqual(expectedSha256))
                throw new InvalidDataException($"Baseline object {name} came back different from what was stored.");
        }

        return (put, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Removes a run's objects so that s3rver's disk holds one copy at a time.</summary>
    public async Task RemoveAsync(string name, int parts, CancellationToken cancellationToken)
    {
        await minio.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(bucket).WithObject(name), cancellationToken);
        for (var i = 0; i < parts; i++)
            await minio.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(bucket).WithObject($"{name}/{i}"), cancellationToken);
    }

    public void Dispose()
    {
        minio.Dispose();
        http.Dispose();
    }
}
