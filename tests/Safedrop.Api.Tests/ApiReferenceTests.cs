using System.Net;
using System.Text.Json;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests;

public class ApiReferenceTests
{
    [Fact]
    public async Task Should_ListAdminStatusEndpoint_When_OpenApiDocumentIsRequested()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = document.RootElement;
        Assert.Equal("Safedrop API", root.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("v1", root.GetProperty("info").GetProperty("version").GetString());
        Assert.True(root.GetProperty("paths").GetProperty("/v1/admin/status").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task Should_ServeHtml_When_ScalarReferenceIsRequested()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.GetAsync("/scalar", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_AllowInlineScriptOnlyOnReferencePage_When_ScalarIsServed()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var reference = await client.GetAsync("/scalar/", TestContext.Current.CancellationToken);
        var document = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(SecurityHeadersMiddleware.ApiReferenceContentSecurityPolicy, string.Join(",", reference.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, string.Join(",", document.Headers.GetValues("Content-Security-Policy")));
    }
}
