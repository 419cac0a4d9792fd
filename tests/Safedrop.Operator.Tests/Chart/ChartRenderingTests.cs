using k8s.Models;

namespace Safedrop.Operator.Tests.Chart;

public class ChartRenderingTests
{
    public static readonly TheoryData<string[]> ValueSets = new()
    {
        Array.Empty<string>(),
        new[] { "replicas=3", "metrics.serviceMonitor.enabled=true" },
        new[] { "crds.enabled=false", "commonLabels.team=platform", "podLabels.tier=control" },
    };

    [Fact]
    public async Task Should_RenderTheOperatorAndItsCrds_When_DefaultValues()
    {
        var chart = await SafedropChart.RenderAsync();

        Assert.Equal(
            [
                "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Deployment", "Role", "RoleBinding", "Service", "ServiceAccount",
            ],
            chart.Objects.Select(o => o.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(5, chart.All<V1CustomResourceDefinition>().Count());
        Assert.Empty(chart.All<V1PodDisruptionBudget>());
        Assert.Empty(chart.ServiceMonitors);
    }

    [Fact]
    public async Task Should_AddABudgetAndAServiceMonitor_When_ThreeReplicasAndServiceMonitorOn()
    {
        var chart = await SafedropChart.RenderAsync("replicas=3", "metrics.serviceMonitor.enabled=true");

        Assert.Equal(3, chart.Single<V1Deployment>().Spec.Replicas);
        Assert.Equal("1", chart.Single<V1PodDisruptionBudget>().Spec.MaxUnavailable.Value);
        Assert.Single(chart.ServiceMonitors);
    }

    [Theory]
    [MemberData(nameof(ValueSets))]
    public async Task Should_ParseEveryManifestIntoTypedModels_When_Strict(string[] values)
    {
        var chart = await SafedropChart.RenderAsync(values);

        // RenderedChart.Parse loads with strict: true; here every object also names itself properly.
        Assert.NotEmpty(chart.Objects);
        Assert.All(chart.Objects, o =>
        {
            Assert.False(string.IsNullOrEmpty(o.ApiVersion));
            Assert.Matches("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", o.Metadata.Name);
        });
    }

    [Fact]
    public void Should_RejectAMisspelledField_When_ParsingStrictly()
    {
        const string Misspelled = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: operator
              lables:
                app: safedrop
            """;

        Assert.ThrowsAny<YamlDotNet.Core.YamlException>(() => RenderedChart.Parse(Misspelled));
    }

    [Fact]
    public async Task Should_PutNamespacedObjectsInTheReleaseNamespace()
    {
        var chart = await SafedropChart.RenderAsync("replicas=3");

        var namespaced = chart.Objects.Where(o => o is not (V1ClusterRole or V1ClusterRoleBinding or V1CustomResourceDefinition));
        Assert.All(namespaced, o => Assert.Equal(SafedropChart.Namespace, o.Metadata.NamespaceProperty));
    }

    [Fact]
    public async Task Should_DefaultTheImageTagToTheAppVersion()
    {
        var chart = await SafedropChart.RenderAsync();

        var container = Assert.Single(chart.Single<V1Deployment>().Spec.Template.Spec.Containers);
        Assert.Equal("ghcr.io/safedrop/safedrop-operator:0.1.0", container.Image);
        Assert.Equal("IfNotPresent", container.ImagePullPolicy);
        Assert.Equal(["run"], container.Args);
    }

    [Fact]
    public async Task Should_UseTheGivenImage_When_TagAndRepositoryAreSet()
    {
        var chart = await SafedropChart.RenderAsync("image.repository=registry.example/safedrop/operator", "image.tag=1.2.3", "image.pullPolicy=Always");

        var container = Assert.Single(chart.Single<V1Deployment>().Spec.Template.Spec.Containers);
        Assert.Equal("registry.example/safedrop/operator:1.2.3", container.Image);
        Assert.Equal("Always", container.ImagePullPolicy);
    }

    [Fact]
    public async Task Should_ServeProbesAndMetricsOnOnePort()
    {
        var chart = await SafedropChart.RenderAsync();

        var container = Assert.Single(chart.Single<V1Deployment>().Spec.Template.Spec.Containers);
        var port = Assert.Single(container.Ports);
        Assert.Equal(("http", 8080), (port.Name, port.ContainerPort));
        Assert.Equal(("/healthz", "http"), (container.LivenessProbe.HttpGet.Path, container.LivenessProbe.HttpGet.Port.Value));
        Assert.Equal(("/readyz", "http"), (container.ReadinessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Port.Value));
        var service = chart.Single<V1Service>();
        var servicePort = Assert.Single(service.Spec.Ports);
        Assert.Equal(("http", "http"), (servicePort.Name, servicePort.TargetPort.Value));
        Assert.Equal(chart.Single<V1Deployment>().Spec.Selector.MatchLabels, service.Spec.Selector);
    }

    [Fact]
    public async Task Should_ScrapeTheMetricsServicePort_When_ServiceMonitorOn()
    {
        var chart = await SafedropChart.RenderAsync("metrics.serviceMonitor.enabled=true", "metrics.serviceMonitor.labels.release=prometheus");

        var monitor = Assert.Single(chart.ServiceMonitors);
        var endpoint = ServiceMonitorDocument.Map(Assert.Single(ServiceMonitorDocument.List(monitor.Spec["endpoints"])));
        Assert.Equal(("http", "/metrics", "30s"), ((string)endpoint["port"], (string)endpoint["path"], (string)endpoint["interval"]));
        var selector = ServiceMonitorDocument.Map(ServiceMonitorDocument.Map(monitor.Spec["selector"])["matchLabels"]);
        var service = chart.Single<V1Service>();
        Assert.All(selector, label => Assert.Equal((string)label.Value, service.Metadata.Labels[(string)label.Key]));
        Assert.Equal("prometheus", monitor.Labels["release"]);
    }

    [Fact]
    public async Task Should_MountAWritableTmp_When_TheRootFilesystemIsReadOnly()
    {
        var chart = await SafedropChart.RenderAsync();

        var pod = chart.Single<V1Deployment>().Spec.Template.Spec;
        var mount = Assert.Single(Assert.Single(pod.Containers).VolumeMounts);
        Assert.Equal("/tmp", mount.MountPath);
        Assert.NotNull(Assert.Single(pod.Volumes, v => v.Name == mount.Name).EmptyDir);
    }

    [Fact]
    public async Task Should_PassSchedulingValuesToThePod()
    {
        var chart = await SafedropChart.RenderAsync(
            "nodeSelector.kubernetes\\.io/os=linux", "priorityClassName=system-cluster-critical",
            "tolerations[0].key=dedicated", "tolerations[0].operator=Exists", "podAnnotations.scrape=yes");

        var template = chart.Single<V1Deployment>().Spec.Template;
        Assert.Equal("linux", template.Spec.NodeSelector["kubernetes.io/os"]);
        Assert.Equal("system-cluster-critical", template.Spec.PriorityClassName);
        Assert.Equal("dedicated", Assert.Single(template.Spec.Tolerations).Key);
        Assert.Equal("yes", template.Metadata.Annotations["scrape"]);
    }
}
