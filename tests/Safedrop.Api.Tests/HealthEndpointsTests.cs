using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests;

public class HealthEndpointsTests
{
    [Fact]
    public async Task Should_Return200_When_HealthzIsRequested()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Should_Return200_When_ValidConfigIsLoaded()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Should_Return503Problem_When_NoValidConfigWasEverLoaded()
    {
        using var folder = TenantFolder.Create();
        folder.Write("organization.yaml", TenantYaml.Organization());
        folder.Write("dropzone.yaml", TenantYaml.MalformedDropzone());
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Equal(ProblemTypes.NotReady, problem!.Type);
        Assert.Contains("dropzone.yaml", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Return503Problem_When_OrganizationHasNeverBeenValid()
    {
        using var folder = TenantFolder.Create();
        folder.Write("organization.yaml", TenantYaml.Organization(admin: TenantYaml.UnregisteredUser));
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Equal(ProblemTypes.NotReady, problem!.Type);
        Assert.Contains("never been valid", problem.Detail, StringComparison.Ordinal);
    }
}
