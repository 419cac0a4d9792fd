using k8s.Models;

namespace Safedrop.Operator.Tests.Chart;

public class ChartLabelTests
{
    private static readonly Dictionary<string, string> Standard = new()
    {
        ["app.kubernetes.io/name"] = "safedrop",
        ["app.kubernetes.io/instance"] = SafedropChart.Release,
        ["app.kubernetes.io/version"] = "0.1.0",
        ["app.kubernetes.io/part-of"] = "safedrop",
        ["app.kubernetes.io/managed-by"] = "Helm",
        ["helm.sh/chart"] = "safedrop-0.1.0",
    };

    [Theory]
    [MemberData(nameof(ChartRenderingTests.ValueSets), MemberType = typeof(ChartRenderingTests))]
    public async Task Should_CarryTheStandardLabels_When_AnyObjectIsRendered(string[] values)
    {
        var chart = await SafedropChart.RenderAsync([.. values, "replicas=3", "metrics.serviceMonitor.enabled=true"]);

        var labelSets = chart.Objects.Select(o => (o.Kind + "/" + o.Metadata.Name, o.Metadata.Labels))
            .Concat(chart.ServiceMonitors.Select(m => ("ServiceMonitor/" + m.Metadata["name"], m.Labels)))
            .Append(("pod template", chart.Single<V1Deployment>().Spec.Template.Metadata.Labels));
        Assert.All(labelSets, set =>
        {
            var (what, labels) = set;
            Assert.NotNull(labels);
            foreach (var (key, value) in Standard)
                Assert.True(labels.TryGetValue(key, out var actual) && actual == value, $"{what}: label {key} is '{actual}', expected '{value}'");
            Assert.True(labels.TryGetValue("app.kubernetes.io/component", out var component) && component is "operator" or "crds", $"{what}: component '{component}'");
        });
    }

    [Fact]
    public async Task Should_AddCommonLabels_When_TheyDoNotReplaceAStandardOne()
    {
        var chart = await SafedropChart.RenderAsync("commonLabels.team=platform", "commonLabels.app\\.kubernetes\\.io/name=other");

        Assert.All(chart.Objects, o =>
        {
            Assert.Equal("platform", o.Metadata.Labels["team"]);
            Assert.Equal("safedrop", o.Metadata.Labels["app.kubernetes.io/name"]);
        });
    }

    [Fact]
    public async Task Should_SelectOnlyTheOperatorPods_With_StableSelectorLabels()
    {
        var chart = await SafedropChart.RenderAsync("podLabels.tier=control");

        var deployment = chart.Single<V1Deployment>();
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["app.kubernetes.io/name"] = "safedrop",
                ["app.kubernetes.io/instance"] = SafedropChart.Release,
                ["app.kubernetes.io/component"] = "operator",
            },
            deployment.Spec.Selector.MatchLabels);
        Assert.Equal("control", deployment.Spec.Template.Metadata.Labels["tier"]);
    }

    [Fact]
    public async Task Should_NameObjectsInKebabCase_After_TheRelease()
    {
        var chart = await SafedropChart.RenderAsync();

        Assert.All(chart.Objects.Where(o => o is not V1CustomResourceDefinition), o => Assert.StartsWith("safedrop-operator", o.Metadata.Name, StringComparison.Ordinal));
        Assert.Equal("safedrop-operator-metrics", chart.Single<V1Service>().Metadata.Name);
    }
}
