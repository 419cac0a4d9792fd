using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Safedrop.Testing;

namespace Safedrop.Operator.Tests.Chart;

public class ChartCrdTests
{
    private const string CopyCommand = "cp crds/*.yaml charts/safedrop/files/crds/";

    [Fact]
    public void Should_KeepTheChartsCrdCopiesIdenticalToTheGeneratedCrds()
    {
        var generated = Files(RepositoryPaths.Crds);
        var copies = Files(SafedropChart.CrdCopies);

        Assert.True(generated.Keys.SequenceEqual(copies.Keys),
            $"charts/safedrop/files/crds/ holds [{string.Join(", ", copies.Keys)}] but crds/ holds [{string.Join(", ", generated.Keys)}]. Copy them with `{CopyCommand}` (and remove stale ones).");
        var stale = generated.Where(g => !g.Value.AsSpan().SequenceEqual(copies[g.Key])).Select(g => g.Key).ToList();
        Assert.True(stale.Count == 0, $"charts/safedrop/files/crds/ differs from crds/ in {string.Join(", ", stale)}. Copy them with `{CopyCommand}`.");
    }

    [Fact]
    public async Task Should_RenderCrdsEqualToTheGeneratedOnes()
    {
        var chart = await SafedropChart.RenderAsync();

        var rendered = chart.All<V1CustomResourceDefinition>().ToDictionary(c => c.Metadata.Name);
        var generated = Directory.GetFiles(RepositoryPaths.Crds, "*.yaml")
            .Select(f => KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(f), strict: true))
            .ToList();
        Assert.Equal(generated.Select(c => c.Metadata.Name).Order(StringComparer.Ordinal), rendered.Keys.Order(StringComparer.Ordinal));
        Assert.All(generated, crd =>
        {
            var expected = JsonNode.Parse(KubernetesJson.Serialize(crd.Spec));
            var actual = JsonNode.Parse(KubernetesJson.Serialize(rendered[crd.Metadata.Name].Spec));
            Assert.True(JsonNode.DeepEquals(expected, actual), $"The rendered {crd.Metadata.Name} differs from crds/ in its spec.");
        });
    }

    [Fact]
    public async Task Should_KeepTheCrdsOnUninstall_By_Default()
    {
        var chart = await SafedropChart.RenderAsync();

        Assert.All(chart.All<V1CustomResourceDefinition>(), crd => Assert.Equal("keep", crd.Metadata.Annotations["helm.sh/resource-policy"]));
    }

    [Fact]
    public async Task Should_LetHelmDeleteTheCrds_When_KeepIsOff()
    {
        var chart = await SafedropChart.RenderAsync("crds.keep=false");

        Assert.All(chart.All<V1CustomResourceDefinition>(), crd => Assert.False(crd.Metadata.Annotations?.ContainsKey("helm.sh/resource-policy") ?? false));
        Assert.Equal(5, chart.All<V1CustomResourceDefinition>().Count());
    }

    [Fact]
    public async Task Should_RenderNoCrds_When_CrdsAreDisabled()
    {
        var chart = await SafedropChart.RenderAsync("crds.enabled=false");

        Assert.Empty(chart.All<V1CustomResourceDefinition>());
        Assert.Single(chart.All<V1Deployment>());
    }

    [Fact]
    public void Should_LeaveTheChartsCrdsFolderEmpty_Because_HelmNeverUpgradesIt()
    {
        Assert.False(Directory.Exists(Path.Combine(SafedropChart.Directory, "crds")), "charts/safedrop/crds/ is installed once and never upgraded by Helm; the CRDs live in files/crds/ and templates/crds.yaml.");
    }

    private static SortedDictionary<string, byte[]> Files(string directory) =>
        new(Directory.GetFiles(directory, "*.yaml").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);
}
