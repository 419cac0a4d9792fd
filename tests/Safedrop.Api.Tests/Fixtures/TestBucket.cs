using Minio;
using Minio.DataModel.Args;
using Safedrop.Testing;

namespace Safedrop.Api.Tests.Fixtures;

/// <summary>A bucket of its own for one test on the shared S3 server, emptied and removed afterwards.</summary>
internal sealed class TestBucket : IAsyncDisposable
{
    private TestBucket(IMinioClient client, string name)
    {
        Client = client;
        Name = name;
    }

    public IMinioClient Client { get; }

    public string Name { get; }

    /// <param name="handler">Optional handler under the SDK's HttpClient, e.g. to observe its requests.</param>
    public static async Task<TestBucket> CreateAsync(S3Server s3, CancellationToken cancellationToken, HttpMessageHandler? handler = null)
    {
        var builder = new MinioClient()
            .WithEndpoint(s3.Endpoint.Host, s3.Endpoint.Port)
            .WithCredentials(s3.AccessKey, s3.SecretKey)
            .WithSSL(s3.Endpoint.Scheme == Uri.UriSchemeHttps);
        if (handler is not null) builder = builder.WithHttpClient(new HttpClient(handler), disposeHttpClient: true);
        var client = builder.Build();

        var name = "safedrop-fixture-" + Guid.NewGuid().ToString("N")[..12];
        await client.MakeBucketAsync(new MakeBucketArgs().WithBucket(name), cancellationToken);
        return new TestBucket(client, name);
    }

    public async Task PutAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content);
        await Client.PutObjectAsync(
            new PutObjectArgs()
                .WithBucket(Name)
                .WithObject(key)
                .WithStreamData(stream)
                .WithObjectSize(content.Length)
                .WithContentType("application/octet-stream"),
            cancellationToken);
    }

    public async Task<byte[]> GetAsync(string key, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await Client.GetObjectAsync(
            new GetObjectArgs()
                .WithBucket(Name)
                .WithObject(key)
                .WithCallbackStream((stream, token) => stream.CopyToAsync(buffer, token)),
            cancellationToken);
        return buffer.ToArray();
    }

    public async Task<List<string>> ListKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var item in Client.ListObjectsEnumAsync(new ListObjectsArgs().WithBucket(Name).WithRecursive(true), cancellationToken))
        {
            keys.Add(item.Key);
        }

        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        // Listing relies on the same namespace fix the tests prove; a leftover object would fail RemoveBucket loudly.
        foreach (var key in await ListKeysAsync(CancellationToken.None))
        {
            await Client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(Name).WithObject(key));
        }

        await Client.RemoveBucketAsync(new RemoveBucketArgs().WithBucket(Name));
        Client.Dispose();
    }
}
