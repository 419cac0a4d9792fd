using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests;

public class HttpPipelineTests
{
    [Fact]
    public async Task Should_Return404Problem_When_RouteIsUnknown()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.GetAsync("/v1/no-such-thing", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Equal(ProblemTypes.NotFound, problem!.Type);
        Assert.Equal(404, problem.Status);
    }

    [Fact]
    public async Task Should_Return413Problem_When_BodyExceedsLimit()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path) { Settings = new Dictionary<string, string?> { ["Safedrop:Limits:MaxRequestBodyBytes"] = "1024" } };
        using var client = api.CreateClient();
        using var body = new ByteArrayContent(new byte[2048]);

        var response = await client.PostAsync("/v1/admin/status", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Equal(ProblemTypes.PayloadTooLarge, problem!.Type);
    }

    [Fact]
    public async Task Should_SendSecurityHeaders_When_AnyResponseIsServed()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Should_Let_The_Portal_Reach_Only_The_Storage_Public_Endpoint_When_Transfers_Go_Direct()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path) { Settings = new Dictionary<string, string?> { ["Safedrop:Storage:PublicEndpoint"] = "https://s3.acme.example/" } };
        using var client = api.CreateClient();

        var policy = Header(await client.GetAsync("/", TestContext.Current.CancellationToken), "Content-Security-Policy");

        Assert.Contains("connect-src 'self' https://s3.acme.example;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ForbidCaching_When_ApiPathIsServed()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.GetAsync("/v1/admin/status", TestContext.Current.CancellationToken);

        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Should_KeepSecurityHeaders_When_ErrorIsServed()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.GetAsync("/v1/no-such-thing", TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : null;
}
