using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.OpenApi;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests;

/// <summary>The OpenAPI document is complete: every /v1 endpoint, its summary, its problems, and every problem type.</summary>
public sealed class OpenApiDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Document_Every_V1_Endpoint_With_A_Summary_And_Its_Problems()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var document = await DocumentAsync(api);
        var paths = document.RootElement.GetProperty("paths");

        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: DocumentedPath(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            // The streaming transfer URLs are signed capabilities handed out by other operations, not an API to call.
            .Where(e => !e.Path.StartsWith("/v1/transfer/", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, endpoint =>
        {
            Assert.True(paths.TryGetProperty(endpoint.Path, out var path), $"{endpoint.Path} is not documented");
            Assert.True(path.TryGetProperty(endpoint.Method, out var operation), $"{endpoint.Method} {endpoint.Path} is not documented");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{endpoint.Method} {endpoint.Path} has no summary");
            var problems = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5').ToList();
            Assert.True(problems.Count > 0, $"{endpoint.Method} {endpoint.Path} documents no problem answer");
            Assert.All(problems, p => Assert.True(p.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{endpoint.Method} {endpoint.Path} {p.Name} is not a problem"));
        });
    }

    [Fact]
    public async Task Should_List_Every_Problem_Type_And_The_Ways_To_Authenticate()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var document = await DocumentAsync(api);
        var root = document.RootElement;

        var listed = root.GetProperty("x-problem-types").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal(ProblemTypeCatalog.All, listed);
        Assert.Contains("https://safedrop.io/problems/access-denied", listed);
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.True(schemes.TryGetProperty(SafedropDocumentTransformer.BearerScheme, out _));
        var open = root.GetProperty("paths").GetProperty("/v1/packages/{packageId}/open").GetProperty("post");
        Assert.True(open.TryGetProperty("security", out _));
        var dropzonePage = root.GetProperty("paths").GetProperty("/v1/dropzones/{name}").GetProperty("get");
        Assert.False(dropzonePage.TryGetProperty("security", out _));
    }

    /// <summary>A route as the document names it: no trailing '/', and a catch-all {*path} as {path}.</summary>
    private static string DocumentedPath(string route) => route.TrimEnd('/').Replace("{**", "{", StringComparison.Ordinal).Replace("{*", "{", StringComparison.Ordinal);

    private static async Task<JsonDocument> DocumentAsync(LocalApi api)
    {
        using var client = api.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));
    }
}
