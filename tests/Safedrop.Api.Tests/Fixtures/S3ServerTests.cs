using System.Security.Cryptography;
using Minio.DataModel.Args;
using Minio.Exceptions;
using Safedrop.Testing;

namespace Safedrop.Api.Tests.Fixtures;

/// <summary>The shared S3 server serves the Minio SDK 7.0.0 for everything the storage adapter will do.</summary>
public sealed class S3ServerTests(S3Server s3)
{
    private const int MiB = 1024 * 1024;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Return_The_Same_Bytes_When_A_Small_Object_Is_Put_Then_Got()
    {
        await using var bucket = await TestBucket.CreateAsync(s3, Cancellation);
        var content = RandomNumberGenerator.GetBytes(4096);

        await bucket.PutAsync("packages/p1/part-0", content, Cancellation);

        var stat = await bucket.Client.StatObjectAsync(
            new StatObjectArgs().WithBucket(bucket.Name).WithObject("packages/p1/part-0"), Cancellation);
        Assert.Equal(content.Length, stat.Size);
        Assert.Equal(content, await bucket.GetAsync("packages/p1/part-0", Cancellation));
    }

    [Fact]
    public async Task Should_Upload_In_Parts_When_The_Object_Is_Larger_Than_A_Part()
    {
        using var recorder = new RequestRecorder();
        await using var bucket = await TestBucket.CreateAsync(s3, Cancellation, recorder);
        var content = RandomNumberGenerator.GetBytes(33 * MiB);

        await bucket.PutAsync("packages/p2/large.bin", content, Cancellation);

        // Minio 7.0.0 cuts 16 MiB parts: 33 MiB travels as three part PUTs of one upload, then a completing POST.
        var partUploads = recorder.Requests.Count(r => r.Method == HttpMethod.Put && r.Uri.Query.Contains("partNumber=", StringComparison.Ordinal));
        Assert.Equal(3, partUploads);
        var stat = await bucket.Client.StatObjectAsync(
            new StatObjectArgs().WithBucket(bucket.Name).WithObject("packages/p2/large.bin"), Cancellation);
        Assert.Equal(content.Length, stat.Size);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(await bucket.GetAsync("packages/p2/large.bin", Cancellation)));
    }

    [Fact]
    public async Task Should_List_The_Object_When_It_Was_Put()
    {
        await using var bucket = await TestBucket.CreateAsync(s3, Cancellation);

        await bucket.PutAsync("packages/p3/part-0", [1, 2, 3], Cancellation);

        Assert.Equal(["packages/p3/part-0"], await bucket.ListKeysAsync(Cancellation));
    }

    [Fact]
    public async Task Should_Round_Trip_Bytes_When_Using_Presigned_Put_And_Get_Urls()
    {
        await using var bucket = await TestBucket.CreateAsync(s3, Cancellation);
        var content = RandomNumberGenerator.GetBytes(64 * 1024);
        var putUrl = await bucket.Client.PresignedPutObjectAsync(
            new PresignedPutObjectArgs().WithBucket(bucket.Name).WithObject("packages/p4/part-0").WithExpiry(300));
        var getUrl = await bucket.Client.PresignedGetObjectAsync(
            new PresignedGetObjectArgs().WithBucket(bucket.Name).WithObject("packages/p4/part-0").WithExpiry(300));
        using var browser = new HttpClient();

        using var body = new ByteArrayContent(content);
        using var put = await browser.PutAsync(new Uri(putUrl), body, Cancellation);
        put.EnsureSuccessStatusCode();
        var downloaded = await browser.GetByteArrayAsync(new Uri(getUrl), Cancellation);

        Assert.Equal(content, downloaded);
    }

    [Fact]
    public async Task Should_Not_Find_The_Object_When_It_Was_Removed()
    {
        await using var bucket = await TestBucket.CreateAsync(s3, Cancellation);
        await bucket.PutAsync("packages/p5/part-0", [1, 2, 3], Cancellation);

        await bucket.Client.RemoveObjectAsync(
            new RemoveObjectArgs().WithBucket(bucket.Name).WithObject("packages/p5/part-0"), Cancellation);

        await Assert.ThrowsAsync<ObjectNotFoundException>(() => bucket.Client.StatObjectAsync(
            new StatObjectArgs().WithBucket(bucket.Name).WithObject("packages/p5/part-0"), Cancellation));
        Assert.Empty(await bucket.ListKeysAsync(Cancellation));
    }

    [Fact]
    public async Task Should_Stop_Listening_When_Disposed()
    {
        Assert.SkipWhen(s3.IsExternal, "An external S3 endpoint is not started or stopped by the tests.");
        var own = new S3Server();
        await own.InitializeAsync();
        var endpoint = own.Endpoint;
        using var http = new HttpClient();
        using (await http.GetAsync(endpoint, Cancellation))
        {
            // Answered while running.
        }

        await own.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(endpoint, Cancellation));
    }
}
