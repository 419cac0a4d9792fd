using System.Net;
using System.Runtime.CompilerServices;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace Safedrop.Api.Storage;

/// <summary>
/// Cluster mode's object store: MinIO or any S3 endpoint through the Minio SDK. Uploads stream: the SDK
/// sends an object under 5 MiB in one PUT and anything larger as a multipart upload of 16 MiB parts
/// (more for objects over 160 GiB), holding one part in memory at a time; a multipart upload only
/// replaces the object when it completes, so a failed put leaves the previous object. Downloads stream
/// the answer of a presigned GET straight to the caller (the SDK only offers a callback).
/// </summary>
public sealed class MinioObjectStore : IObjectStore, IDisposable
{
    // S3 allows at most seven days for a presigned URL.
    private static readonly TimeSpan MaxPresignExpiry = TimeSpan.FromDays(7);

    /// <summary>Objects up to this size are sent in one request (a package part is 4 MiB and 28 bytes).</summary>
    private const long SinglePutLimit = 16L * 1024 * 1024;

    private readonly StorageOptions options;
    private readonly TimeProvider time;
    private readonly MinioClients clients;
    private readonly string endpoint;

    public MinioObjectStore(StorageOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.time = time;
        clients = new MinioClients(options);
        endpoint = clients.InternalEndpoint.GetLeftPart(UriPartial.Authority);
    }

    private string Bucket => options.Bucket;

    private IMinioClient Client => clients.Internal;

    public Task EnsureReadyAsync(CancellationToken cancellationToken) => Guard("check the bucket", async () =>
    {
        if (await Client.BucketExistsAsync(new BucketExistsArgs().WithBucket(Bucket), cancellationToken)) return;
        try
        {
            // The location keeps the client's region: MakeBucket otherwise resets it to us-east-1.
            await Client.MakeBucketAsync(new MakeBucketArgs().WithBucket(Bucket).WithLocation(options.Region), cancellationToken);
        }
        catch (MinioException)
        {
            // Another replica may have created it first; anything else fails again here.
            if (!await Client.BucketExistsAsync(new BucketExistsArgs().WithBucket(Bucket), cancellationToken)) throw;
        }
    }, cancellationToken);

    public async Task PutAsync(string key, Stream content, long length, CancellationToken cancellationToken)
    {
        ObjectKeys.EnsureValid(key);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        // The SDK never reads an empty object's source; make sure it is empty.
        if (length == 0 && await content.ReadAsync(new byte[1], cancellationToken) > 0)
            throw new InvalidDataException($"Object {key}: expected 0 bytes, the source holds more.");

        await using var source = new ExactLengthStream(content, length, key);
        try
        {
            if (length <= SinglePutLimit) await PutThroughSignedUrlAsync(key, source, length, cancellationToken);
            else await PutInPartsAsync(key, source, length, cancellationToken);
        }
        catch (Exception e) when (e is not StorageUnavailableException && !source.SourceFailed && MinioFailures.IsUnavailable(e, cancellationToken))
        {
            throw MinioFailures.Unavailable(endpoint, Bucket, $"store {key}", e);
        }
    }

    /// <summary>
    /// Small objects (package parts, records) are read whole first, into a pooled buffer, and sent in one PUT of a
    /// URL signed here. Reading first means a client that breaks off never leaves a partial object behind, even on
    /// servers that keep what arrived; the presigned URL signs no payload, which spares the SDK's own copy and
    /// SHA-256 pass over each body.
    /// </summary>
    private async Task PutThroughSignedUrlAsync(string key, ExactLengthStream source, long length, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Max(length, 1));
        try
        {
            var filled = 0;
            while (filled < length)
            {
                var read = await source.ReadAsync(buffer.AsMemory(filled, (int)length - filled), cancellationToken);
                if (read == 0) break;
                filled += read;
            }
            // The guard also checks there is nothing beyond the declared length.
            if (length > 0) _ = await source.ReadAsync(new byte[1], cancellationToken);

            var url = await Client.PresignedPutObjectAsync(new PresignedPutObjectArgs().WithBucket(Bucket).WithObject(key).WithExpiry(15 * 60));
            using var body = new ByteArrayContent(buffer, 0, (int)length);
            body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            using var response = await clients.Http.PutAsync(new Uri(url), body, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw MinioFailures.Unavailable(endpoint, Bucket, $"store {key}", $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Larger objects go through the SDK, which uploads in parts, one part in memory at a time.</summary>
    private Task<Minio.DataModel.Response.PutObjectResponse> PutInPartsAsync(string key, ExactLengthStream source, long length, CancellationToken cancellationToken) =>
        Client.PutObjectAsync(
            new PutObjectArgs()
                .WithBucket(Bucket)
                .WithObject(key)
                .WithStreamData(source)
                .WithObjectSize(length)
                .WithContentType("application/octet-stream"),
            cancellationToken);

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        ObjectKeys.EnsureValid(key);
        HttpResponseMessage? response = null;
        try
        {
            // Used at once; the margin only absorbs clock skew between the API and S3.
            var url = await Client.PresignedGetObjectAsync(new PresignedGetObjectArgs()
                .WithBucket(Bucket).WithObject(key).WithExpiry(15 * 60).WithRequestDate(time.GetUtcNow().UtcDateTime));
            response = await clients.Http.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                response.Dispose();
                return null;
            }

            if (!response.IsSuccessStatusCode)
                throw MinioFailures.Unavailable(endpoint, Bucket, $"read {key}", $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new ResponseBodyStream(response, body);
        }
        catch (Exception e) when (e is not StorageUnavailableException)
        {
            response?.Dispose();
            if (MinioFailures.IsUnavailable(e, cancellationToken)) throw MinioFailures.Unavailable(endpoint, Bucket, $"read {key}", e);
            throw;
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken)
    {
        ObjectKeys.EnsureValid(key);
        return Guard($"stat {key}", async () =>
        {
            try
            {
                var stat = await Client.StatObjectAsync(new StatObjectArgs().WithBucket(Bucket).WithObject(key), cancellationToken);
                return new ObjectInfo(key, stat.Size, Utc(stat.LastModified));
            }
            catch (ObjectNotFoundException)
            {
                return (ObjectInfo?)null;
            }
        }, cancellationToken);
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var items = Client.ListObjectsEnumAsync(
            new ListObjectsArgs().WithBucket(Bucket).WithPrefix(prefix).WithRecursive(true), cancellationToken);
        await using var enumerator = items.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await enumerator.MoveNextAsync();
            }
            catch (Exception e) when (MinioFailures.IsUnavailable(e, cancellationToken))
            {
                throw MinioFailures.Unavailable(endpoint, Bucket, $"list {prefix}", e);
            }

            if (!more) yield break;
            var item = enumerator.Current;
            // S3 lists in UTF-8 byte order, which is ordinal order for the ASCII keys ObjectKeys allows.
            if (!item.IsDir) yield return new ObjectInfo(item.Key, (long)item.Size, item.LastModifiedDateTime is { } modified ? Utc(modified) : time.GetUtcNow());
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ObjectKeys.EnsureValid(key);
        return Guard($"delete {key}", async () =>
        {
            // S3 answers 204 for a missing key as well.
            await Client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(Bucket).WithObject(key), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Signed for the public endpoint, locally (no request): null when browsers cannot reach S3.</summary>
    public async Task<Uri?> PresignAsync(string key, TransferDirection direction, TimeSpan expiry, CancellationToken cancellationToken)
    {
        ObjectKeys.EnsureValid(key);
        if (clients.Public is not { } signer) return null;
        if (expiry <= TimeSpan.Zero || expiry > MaxPresignExpiry)
            throw new ArgumentOutOfRangeException(nameof(expiry), expiry, "A presigned URL lasts between one second and seven days.");

        var seconds = (int)Math.Ceiling(expiry.TotalSeconds);
        var url = direction == TransferDirection.Upload
            ? await signer.PresignedPutObjectAsync(new PresignedPutObjectArgs().WithBucket(Bucket).WithObject(key).WithExpiry(seconds))
            : await signer.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket(Bucket).WithObject(key).WithExpiry(seconds)
                .WithRequestDate(time.GetUtcNow().UtcDateTime));
        return new Uri(url);
    }

    public void Dispose() => clients.Dispose();

    private static DateTimeOffset Utc(DateTime value) => new(value.ToUniversalTime(), TimeSpan.Zero);

    private async Task Guard(string operation, Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (MinioFailures.IsUnavailable(e, cancellationToken))
        {
            throw MinioFailures.Unavailable(endpoint, Bucket, operation, e);
        }
    }

    private async Task<T> Guard<T>(string operation, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (MinioFailures.IsUnavailable(e, cancellationToken))
        {
            throw MinioFailures.Unavailable(endpoint, Bucket, operation, e);
        }
    }
}
