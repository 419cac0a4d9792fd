using k8s.Models;

namespace Safedrop.Operator.Tests.Chart;

public class LeaderElectionTests
{
    [Theory]
    [InlineData(1, "false")]
    [InlineData(2, "true")]
    [InlineData(3, "true")]
    public async Task Should_ElectALeader_When_MoreThanOneReplica(int replicas, string enabled)
    {
        var chart = await SafedropChart.RenderAsync($"replicas={replicas}");

        Assert.Equal(enabled, Env(chart, "LeaderElection__Enabled").Value);
    }

    [Fact]
    public async Task Should_KeepTheLeaseInTheReleaseNamespace_Named_LikeTheOperator()
    {
        var chart = await SafedropChart.RenderAsync("replicas=3");

        Assert.Equal(SafedropChart.Namespace, Env(chart, "LeaderElection__Namespace").Value);
        Assert.Equal(chart.Single<V1Deployment>().Metadata.Name, Env(chart, "LeaderElection__LeaseName").Value);
    }

    [Fact]
    public async Task Should_IdentifyEachCandidateByItsPodName()
    {
        var chart = await SafedropChart.RenderAsync("replicas=3");

        Assert.Equal("metadata.name", Env(chart, "LeaderElection__Identity").ValueFrom.FieldRef.FieldPath);
    }

    [Fact]
    public async Task Should_StopTheOldPodFirst_When_ASingleReplicaIsUpdated()
    {
        var single = await SafedropChart.RenderAsync("replicas=1");
        var several = await SafedropChart.RenderAsync("replicas=3");

        Assert.Equal("Recreate", single.Single<V1Deployment>().Spec.Strategy.Type);
        Assert.Null(several.Single<V1Deployment>().Spec.Strategy);
    }

    private static V1EnvVar Env(RenderedChart chart, string name) =>
        Assert.Single(Assert.Single(chart.Single<V1Deployment>().Spec.Template.Spec.Containers).Env, e => e.Name == name);
}
