using Minio;
using Minio.DataModel.Args;
using Safedrop.Api.Storage;
using Safedrop.Testing;

namespace Safedrop.Api.Tests.Storage;

public sealed class MinioObjectStoreTests(S3Server s3) : ObjectStoreContract
{
    private readonly string bucket = "safedrop-store-" + Guid.NewGuid().ToString("N")[..12];
    private MinioObjectStore? store;

    // Minio 7.0.0 uploads 16 MiB parts: this is two full parts and a short one.
    protected override long MultipartSize => 40 * MiB;

    protected override async Task CleanUpAsync()
    {
        if (store is null) return;
        await foreach (var item in store.ListAsync("", CancellationToken.None)) await store.DeleteAsync(item.Key, CancellationToken.None);
        store.Dispose();
        using var client = new MinioClient()
            .WithEndpoint(s3.Endpoint.Host, s3.Endpoint.Port)
            .WithSSL(s3.Endpoint.Scheme == Uri.UriSchemeHttps)
            .WithCredentials(s3.AccessKey, s3.SecretKey)
            .Build();
        await client.RemoveBucketAsync(new RemoveBucketArgs().WithBucket(bucket));
    }

    protected override Task<IObjectStore> CreateStoreAsync()
    {
        // Browsers reach the test server where the API does.
        store = new MinioObjectStore(Options(s3.Endpoint.ToString(), bucket, publicEndpoint: s3.Endpoint.ToString()), TimeProvider.System);
        return Task.FromResult<IObjectStore>(store);
    }

    [Fact]
    public async Task Should_Create_The_Bucket_When_It_Is_Missing()
    {
        using var other = new MinioObjectStore(Options(s3.Endpoint.ToString(), bucket + "-new"), TimeProvider.System);

        await other.EnsureReadyAsync(Ct);
        await other.EnsureReadyAsync(Ct);

        Assert.Null(await other.StatAsync("packages/p1/0", Ct));
        using var client = new MinioClient().WithEndpoint(s3.Endpoint.Host, s3.Endpoint.Port).WithCredentials(s3.AccessKey, s3.SecretKey).Build();
        Assert.True(await client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket + "-new"), Ct));
        await client.RemoveBucketAsync(new RemoveBucketArgs().WithBucket(bucket + "-new"), Ct);
    }

    [Fact]
    public async Task Should_Round_Trip_Bytes_When_A_Browser_Uses_The_Presigned_Urls()
    {
        var content = PatternStream.Bytes(70_000, seed: 3);
        var put = await Store.PresignAsync("packages/p9/f1/0", TransferDirection.Upload, TimeSpan.FromMinutes(5), Ct);
        var get = await Store.PresignAsync("packages/p9/f1/0", TransferDirection.Download, TimeSpan.FromMinutes(5), Ct);
        using var browser = new HttpClient();

        using (var body = new ByteArrayContent(content))
        using (var uploaded = await browser.PutAsync(put, body, Ct))
        {
            uploaded.EnsureSuccessStatusCode();
        }

        Assert.Equal(content, await browser.GetByteArrayAsync(get, Ct));
        Assert.Equal(content.Length, (await Store.StatAsync("packages/p9/f1/0", Ct))!.Size);
    }

    [Fact]
    public async Task Should_Sign_For_The_Public_Endpoint_Without_Contacting_Storage_When_One_Is_Set()
    {
        // Nothing listens on the in-cluster endpoint: signing must not need it (no region lookup).
        using var offline = new MinioObjectStore(Options(Unreachable(), bucket, publicEndpoint: "https://files.acme.example"), TimeProvider.System);

        var url = await offline.PresignAsync("packages/p1/0", TransferDirection.Upload, TimeSpan.FromMinutes(10), Ct);

        Assert.Equal("https://files.acme.example/" + bucket + "/packages/p1/0", url!.GetLeftPart(UriPartial.Path));
        Assert.Contains("X-Amz-Expires=600", url.Query, StringComparison.Ordinal);
        Assert.Contains("us-east-1", Uri.UnescapeDataString(url.Query), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Not_Presign_When_No_Public_Endpoint_Is_Set()
    {
        using var internalOnly = new MinioObjectStore(Options(s3.Endpoint.ToString(), bucket), TimeProvider.System);

        Assert.Null(await internalOnly.PresignAsync("packages/p1/0", TransferDirection.Download, TimeSpan.FromMinutes(5), Ct));
    }

    [Fact]
    public async Task Should_Throw_StorageUnavailable_When_The_Endpoint_Is_Unreachable()
    {
        using var down = new MinioObjectStore(Options(Unreachable(), bucket), TimeProvider.System);

        var failures = new List<StorageUnavailableException>
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => down.EnsureReadyAsync(Ct)),
            await Assert.ThrowsAsync<StorageUnavailableException>(() => down.PutAsync("packages/p1/0", new MemoryStream([1, 2]), 2, Ct)),
            await Assert.ThrowsAsync<StorageUnavailableException>(() => down.OpenReadAsync("packages/p1/0", Ct)),
            await Assert.ThrowsAsync<StorageUnavailableException>(() => down.StatAsync("packages/p1/0", Ct)),
            await Assert.ThrowsAsync<StorageUnavailableException>(() => down.DeleteAsync("packages/p1/0", Ct)),
            await Assert.ThrowsAsync<StorageUnavailableException>(async () =>
            {
                await foreach (var unused in down.ListAsync("packages/", Ct)) { }
            }),
        };

        Assert.All(failures, e => Assert.Contains(bucket, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Throw_StorageUnavailable_When_Storage_Refuses_The_Credentials()
    {
        // s3rver checks the access key but not V4 signatures, so an unknown key stands for bad credentials.
        var options = Options(s3.Endpoint.ToString(), bucket);
        options.AccessKey = "UNKNOWN";
        using var refused = new MinioObjectStore(options, TimeProvider.System);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => refused.StatAsync("packages/p1/0", Ct));
    }

    internal static string Unreachable() => $"http://127.0.0.1:{FreePort.Next()}";

    private StorageOptions Options(string endpoint, string bucketName, string? publicEndpoint = null) => new()
    {
        Endpoint = endpoint,
        PublicEndpoint = publicEndpoint,
        Bucket = bucketName,
        AccessKey = s3.AccessKey,
        SecretKey = s3.SecretKey,
        ConnectTimeout = TimeSpan.FromSeconds(2),
    };
}
