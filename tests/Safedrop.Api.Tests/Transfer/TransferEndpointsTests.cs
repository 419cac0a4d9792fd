using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Safedrop.Api.Http;
using Safedrop.Api.Storage;
using Safedrop.Api.Tests.Storage;
using Safedrop.Api.Transfer;

namespace Safedrop.Api.Tests.Transfer;

/// <summary>The streaming path through HTTP in local mode: grants authorize exactly one object, length and direction.</summary>
public sealed class TransferEndpointsTests
{
    private const string Key = "packages/p1/f1/0";
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Store_And_Return_The_Bytes_When_Uploaded_And_Downloaded_With_Grants()
    {
        await using var api = new TransferApi();
        using var client = api.Factory.CreateClient();
        var content = PatternStream.Bytes(300_000);

        using var put = await client.PutAsync(Url(api, TransferDirection.Upload, content.Length), new ByteArrayContent(content), Ct);
        using var get = await client.GetAsync(Url(api, TransferDirection.Download), Ct);

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(content, await get.Content.ReadAsByteArrayAsync(Ct));
        Assert.True(File.Exists(Path.Combine(api.DataFolder, StorageServiceCollectionExtensions.LocalObjectsFolder, "packages", "p1", "f1", "0")));
    }

    [Fact]
    public async Task Should_Serve_A_Byte_Range_When_The_Download_Asks_For_One()
    {
        await using var api = new TransferApi();
        using var client = api.Factory.CreateClient();
        await api.Store.PutAsync(Key, new MemoryStream([0, 1, 2, 3, 4, 5, 6, 7]), 8, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(api, TransferDirection.Download));
        request.Headers.Range = new RangeHeaderValue(2, 4);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal([2, 3, 4], await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Should_Refuse_With_403_When_The_Token_Was_Tampered_With()
    {
        await using var api = new TransferApi();
        using var client = api.Factory.CreateClient();
        var url = (Url(api, TransferDirection.Upload, 3)).ToString();
        var tampered = url[..^2] + (url[^2] == 'A' ? 'B' : 'A') + url[^1];

        using var response = await client.PutAsync(tampered, new ByteArrayContent([1, 2, 3]), Ct);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.TransferGrantInvalid);
        Assert.Null(await api.Store.StatAsync(Key, Ct));
    }

    [Fact]
    public async Task Should_Refuse_With_403_When_The_Grant_Has_Expired()
    {
        await using var api = new TransferApi();
        using var client = api.Factory.CreateClient();
        await api.Store.PutAsync(Key, new MemoryStream([1]), 1, Ct);
        var expired = api.Grants.Sign(new TransferGrant(Key, TransferDirection.Download, null, DateTimeOffset.UtcNow.AddSeconds(-1)));

        using var response = await client.GetAsync($"/v1/transfer/{expired}", Ct);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.TransferGrantInvalid);
    }

    [Fact]
    public async Task Should_Refuse_With_403_When_An_Upload_Grant_Is_Used_To_Download()
    {
        await using var api = new TransferApi();
        using var client = api.Factory.CreateClient();
        await api.Store.PutAsync(Key, new MemoryStream([1]), 1, Ct);

        using var response = await client.GetAsync(Url(api, TransferDirection.Upload, 1), Ct);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.TransferGrantInvalid);
    }

    [Theory]
    [InlineData(99, HttpStatusCode.BadRequest)]
    [InlineData(101, HttpStatusCode.RequestEntityTooLarge)]
    public async Task Should_Refuse_And_Store_Nothing_When_The_Length_Differs_From_The_Grant(int sent, HttpStatusCode expected)
    {
        await using var api = new TransferApi();
        using var client = api.Factory.CreateClient();

        using var response = await client.PutAsync(Url(api, TransferDirection.Upload, 100), new ByteArrayContent(new byte[sent]), Ct);

        await AssertProblemAsync(response, expected, ProblemTypes.TransferLengthMismatch);
        Assert.Null(await api.Store.StatAsync(Key, Ct));
    }

    [Fact]
    public async Task Should_Refuse_With_411_When_The_Upload_Has_No_Content_Length()
    {
        await using var api = new TransferApi();
        using var client = api.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, Url(api, TransferDirection.Upload, 100)) { Content = new StreamContent(new PatternStream(100)) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, Ct);

        await AssertProblemAsync(response, HttpStatusCode.LengthRequired, ProblemTypes.TransferLengthMismatch);
        Assert.Null(await api.Store.StatAsync(Key, Ct));
    }

    [Fact]
    public async Task Should_Accept_A_Body_Over_The_Default_Limit_When_The_Grant_Allows_It()
    {
        await using var api = new TransferApi(settings: new Dictionary<string, string?> { ["Safedrop:Limits:MaxRequestBodyBytes"] = "1024" });
        using var client = api.Factory.CreateClient();

        using var response = await client.PutAsync(Url(api, TransferDirection.Upload, 4096), new ByteArrayContent(new byte[4096]), Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(4096, (await api.Store.StatAsync(Key, Ct))!.Size);
    }

    [Fact]
    public async Task Should_Return_404_When_The_Granted_Object_Does_Not_Exist()
    {
        await using var api = new TransferApi();
        using var client = api.Factory.CreateClient();

        using var response = await client.GetAsync(Url(api, TransferDirection.Download), Ct);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Should_Build_Streaming_Urls_On_The_Public_Url_When_One_Is_Set()
    {
        await using var api = new TransferApi(settings: new Dictionary<string, string?> { ["Safedrop:PublicUrl"] = "https://safedrop.acme.example/portal" });

        var url = await api.Urls.UrlForAsync(Key, TransferDirection.Download, null, Expiry, Ct);

        Assert.StartsWith("https://safedrop.acme.example/portal/v1/transfer/", url.ToString(), StringComparison.Ordinal);
        Assert.Equal(Key, api.Grants.Verify(url.Segments[^1], TransferDirection.Download)!.Key);
    }

    /// <summary>The path of a streaming URL: outside a request ITransferUrls needs a public URL to put in front.</summary>
    private static Uri Url(TransferApi api, TransferDirection direction, long? length = null)
    {
        var token = api.Grants.Sign(new TransferGrant(Key, direction, length, DateTimeOffset.UtcNow + Expiry));
        return new Uri($"/v1/transfer/{token}", UriKind.Relative);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Equal(type, problem!.Type);
    }
}
