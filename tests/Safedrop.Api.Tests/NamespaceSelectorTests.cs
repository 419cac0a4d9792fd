using Safedrop.Api.Configuration;
using Safedrop.Resources.Manifests;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Tests;

public class NamespaceSelectorTests
{
    [Fact]
    public void Should_PickOrganizationsNamespace_When_FolderHoldsOne()
    {
        var (ns, error) = NamespaceSelector.Select(Manifests(Org("acme"), Zone("acme")), null, "tenant");

        Assert.Equal("acme", ns);
        Assert.Null(error);
    }

    [Fact]
    public void Should_ExplainChoices_When_SeveralNamespacesHoldOrganizations()
    {
        var (ns, error) = NamespaceSelector.Select(Manifests(Org("globex"), Org("acme")), null, "tenant");

        Assert.Null(ns);
        Assert.Contains("(acme, globex)", error, StringComparison.Ordinal);
        Assert.Contains("--Safedrop:Local:Namespace=", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PickRequestedNamespace_When_ItHoldsAnOrganization()
    {
        var (ns, _) = NamespaceSelector.Select(Manifests(Org("globex"), Org("acme")), "globex", "tenant");

        Assert.Equal("globex", ns);
    }

    [Fact]
    public void Should_Refuse_When_RequestedNamespaceHoldsNoOrganization()
    {
        var (ns, error) = NamespaceSelector.Select(Manifests(Org("acme"), Zone("initech")), "initech", "tenant");

        Assert.Null(ns);
        Assert.Contains("found: acme", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_MentionProblems_When_NoOrganizationWasRead()
    {
        var problem = new ManifestProblem(new SourceLocation("tenant/org.yaml", 3), "unknown field 'plann'");
        var (ns, error) = NamespaceSelector.Select(new ManifestSet([Zone("acme")], [], [problem]), null, "tenant");

        Assert.Null(ns);
        Assert.Contains("No Organization found in tenant", error, StringComparison.Ordinal);
        Assert.Contains("tenant/org.yaml:3", error, StringComparison.Ordinal);
    }

    private static ManifestSet Manifests(params LoadedResource[] resources) => new(resources, [], []);

    private static LoadedResource Org(string ns) => Loaded(new Organization(), ns);

    private static LoadedResource Zone(string ns) => Loaded(new Dropzone(), ns);

    private static LoadedResource Loaded(ISafedropResource resource, string ns)
    {
        resource.Metadata.Name = ns;
        resource.Metadata.NamespaceProperty = ns;
        return new LoadedResource(resource, new SourceLocation(ns + ".yaml", 1));
    }
}
