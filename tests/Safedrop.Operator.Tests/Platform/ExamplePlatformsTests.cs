using k8s.Models;
using Safedrop.Operator.Platform;
using Safedrop.Resources.Model;
using Safedrop.Testing;

namespace Safedrop.Operator.Tests.Platform;

/// <summary>The tenants under examples/ run their whole platform when applied to a cluster.</summary>
public class ExamplePlatformsTests
{
    private static readonly Lazy<Resources.Manifests.ManifestSet> Examples = new(ExampleTenants.ReadAll);

    [Theory]
    [InlineData("acme")]
    [InlineData("globex")]
    [InlineData("initech")]
    public void Should_RollOutTheApi_Of_EveryExample(string @namespace)
    {
        var organization = Examples.Value.Resources.Select(r => r.Resource).OfType<Organization>().Single(o => o.Metadata.NamespaceProperty == @namespace);
        organization.Metadata.Uid = Platforms.Uid;
        var compiled = ExampleTenants.Compile(Examples.Value, @namespace).Config;
        var context = PlatformContext.From(organization, compiled, Platforms.Inputs);

        Assert.Null(ApiBlocker.Of(context.Spec));
        Assert.Contains(PlatformPlan.Build(context), o => o is V1Deployment d && d.Metadata.Name == context.Names.Api);
    }

    [Fact]
    public void Should_ExposeTheEnterpriseExamplesPublicHosts_Through_Ingresses()
    {
        var organization = Examples.Value.Resources.Select(r => r.Resource).OfType<Organization>().Single(o => o.Metadata.Name == "acme");
        organization.Metadata.Uid = Platforms.Uid;
        var plan = PlatformPlan.Build(organization, ExampleTenants.Compile(Examples.Value, "acme").Config, Platforms.Inputs);

        Assert.Equal(["files.acme.example", "s3.files.acme.example"], plan.OfType<V1Ingress>().Select(i => i.Spec.Rules.Single().Host).Order());
    }
}
