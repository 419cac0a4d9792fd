using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Metrics;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests;

public class MetricsEndpointTests
{
    [Fact]
    public async Task Should_Serve_Prometheus_Metrics_Of_Requests_And_Of_Safedrop_Events()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();
        await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        api.Services.GetRequiredService<ApiMetrics>().AccessDecision(allowed: false, "None");

        var text = await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Contains("http_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("safedrop_access_decisions_total{outcome=\"denied\",rule=\"None\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Answer_Metrics_Only_On_The_Metrics_Port_When_One_Is_Set()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path) { Settings = new Dictionary<string, string?> { [MetricsEndpoints.PortSetting] = "9090" } };
        using var client = api.CreateClient();

        var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
