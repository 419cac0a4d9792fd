using Safedrop.Testing;

namespace Safedrop.Operator.Tests.Chart;

public class ChartLintTests
{
    [Fact]
    public async Task Should_PassHelmLint_When_Strict()
    {
        var result = await Helm.Require().RunAsync(["lint", "--strict", SafedropChart.Directory], TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
        Assert.Contains("0 chart(s) failed", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PassHelmLint_When_EveryOptionalObjectIsOn()
    {
        var result = await Helm.Require().RunAsync(
            ["lint", "--strict", SafedropChart.Directory, "--set", "replicas=3", "--set", "metrics.serviceMonitor.enabled=true"],
            TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.StandardOutput + result.StandardError);
    }
}
