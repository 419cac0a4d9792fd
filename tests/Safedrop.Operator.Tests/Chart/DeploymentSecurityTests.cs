using k8s;
using k8s.Models;

namespace Safedrop.Operator.Tests.Chart;

public class DeploymentSecurityTests
{
    [Theory]
    [InlineData("replicas=1")]
    [InlineData("replicas=3")]
    public async Task Should_MeetTheRestrictedPodSecurityStandard(string replicas)
    {
        var chart = await SafedropChart.RenderAsync(replicas);

        Assert.Empty(RestrictedPodSecurity.Violations(chart.Single<V1Deployment>().Spec.Template.Spec));
    }

    [Fact]
    public async Task Should_RunAsTheImagesNonRootUser_On_AReadOnlyRootFilesystem()
    {
        var chart = await SafedropChart.RenderAsync();

        var pod = chart.Single<V1Deployment>().Spec.Template.Spec;
        var container = Assert.Single(pod.Containers).SecurityContext;
        Assert.Equal(1654, pod.SecurityContext.RunAsUser);
        Assert.Equal(1654, container.RunAsUser);
        Assert.True(container.ReadOnlyRootFilesystem);
        Assert.Equal(["ALL"], container.Capabilities.Drop);
        Assert.Equal("RuntimeDefault", container.SeccompProfile.Type);
    }

    [Fact]
    public async Task Should_FindAViolation_When_APodMayEscalatePrivileges()
    {
        var chart = await SafedropChart.RenderAsync();
        var pod = KubernetesJson.Deserialize<V1PodSpec>(KubernetesJson.Serialize(chart.Single<V1Deployment>().Spec.Template.Spec));
        pod.Containers[0].SecurityContext.AllowPrivilegeEscalation = true;
        pod.Volumes.Add(new V1Volume { Name = "host", HostPath = new V1HostPathVolumeSource { Path = "/" } });

        var violations = RestrictedPodSecurity.Violations(pod);

        Assert.Contains("operator: allowPrivilegeEscalation must be false", violations);
        Assert.Contains(violations, v => v.StartsWith("volume host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_SetSensibleResourceDefaults()
    {
        var chart = await SafedropChart.RenderAsync();

        var resources = Assert.Single(chart.Single<V1Deployment>().Spec.Template.Spec.Containers).Resources;
        Assert.Equal(["cpu", "memory"], resources.Requests.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new ResourceQuantity("256Mi"), resources.Limits["memory"]);
    }
}
