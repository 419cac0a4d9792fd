using k8s.Models;
using Safedrop.Resources.Model;
using static Safedrop.Operator.Tests.Platform.Platforms;

namespace Safedrop.Operator.Tests.Platform;

public class NetworkPolicyTests
{
    private static readonly Dictionary<string, string> ApiPods = new()
    {
        ["app.kubernetes.io/name"] = "safedrop-api",
        ["app.kubernetes.io/instance"] = "acme",
        ["app.kubernetes.io/component"] = "api",
    };

    [Theory]
    [InlineData("safedrop-acme-minio", 9000)]
    [InlineData("safedrop-acme-pin-cache", 6379)]
    [InlineData("safedrop-acme-session-cache", 6379)]
    public void Should_RestrictIngressToTheApi(string name, int port)
    {
        var policy = Plan().Get<V1NetworkPolicy>(name);

        Assert.Equal(["Ingress"], policy.Spec.PolicyTypes);
        var rule = Assert.Single(policy.Spec.Ingress);
        Assert.Equal(ApiPods, Assert.Single(rule.FromProperty).PodSelector.MatchLabels);
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(rule.Ports).Port.Value);
    }

    [Fact]
    public void Should_SelectThePodsOfTheComponentItProtects()
    {
        var plan = Plan();

        foreach (var policy in plan.OfType<V1NetworkPolicy>())
        {
            var pods = plan.PodTemplates().Where(t => policy.Spec.PodSelector.MatchLabels.All(l => t.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
            Assert.Equal(policy.Metadata.Name, Assert.Single(pods).Metadata.Labels["app.kubernetes.io/component"] switch
            {
                "api" => "safedrop-acme-api",
                var component => "safedrop-acme-" + component,
            });
        }
    }

    [Fact]
    public void Should_AcceptMinioPeers_When_Distributed()
    {
        var policy = Plan(spec => spec.Platform.Storage.Managed = new ManagedStorageSpec { Replicas = 4 }).Get<V1NetworkPolicy>("safedrop-acme-minio");

        Assert.Contains(policy.Spec.Ingress, r => r.FromProperty?.SingleOrDefault()?.PodSelector.MatchLabels["app.kubernetes.io/component"] == "minio");
    }

    [Fact]
    public void Should_AcceptS3FromAnywhere_When_MinioHasAPublicEndpoint()
    {
        var policy = Plan(spec => spec.Platform.Storage.Managed = new ManagedStorageSpec { PublicEndpoint = "https://s3.acme.example" }).Get<V1NetworkPolicy>("safedrop-acme-minio");

        Assert.Contains(policy.Spec.Ingress, r => r.FromProperty is null && r.Ports.Single().Port.Value == "9000");
    }

    [Fact]
    public void Should_AcceptApiTrafficFromAnywhereOnItsPort()
    {
        var rule = Assert.Single(Plan().Get<V1NetworkPolicy>("safedrop-acme-api").Spec.Ingress);

        Assert.Null(rule.FromProperty);
        Assert.Equal("8080", Assert.Single(rule.Ports).Port.Value);
    }

    [Fact]
    public void Should_OnlyProtectManagedComponents_When_StorageAndCachesAreExternal()
    {
        Assert.Equal(["safedrop-acme-api"], Plan(ExternalEverything).OfType<V1NetworkPolicy>().Select(p => p.Metadata.Name));
    }
}
