using Safedrop.Testing;

namespace Safedrop.Operator.Tests.Chart;

public class ChartNotesTests
{
    [Fact]
    public async Task Should_TellHowToApplyATenantAndWatchIt()
    {
        var result = await Helm.Require().RunAsync(
            ["install", SafedropChart.Release, SafedropChart.Directory, "--namespace", SafedropChart.Namespace, "--dry-run=client"],
            TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.StandardError);
        var notes = result.StandardOutput[result.StandardOutput.IndexOf("NOTES:", StringComparison.Ordinal)..];
        Assert.Contains("kubectl apply -f examples/enterprise/", notes, StringComparison.Ordinal);
        Assert.Contains("kubectl get safedrop -A", notes, StringComparison.Ordinal);
        Assert.Contains("rollout status deployment/safedrop-operator", notes, StringComparison.Ordinal);
    }
}
