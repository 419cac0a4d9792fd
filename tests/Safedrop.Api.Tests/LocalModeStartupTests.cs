using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests;

/// <summary>Local mode serves one namespace and refuses to start, saying why, when it cannot tell which.</summary>
public class LocalModeStartupTests
{
    [Fact]
    public async Task Should_FailToStartNamingTheChoices_When_OrganizationsAreInSeveralNamespaces()
    {
        using var folder = TenantFolder.Create();
        folder.Write("acme.yaml", TenantYaml.Organization());
        folder.Write("globex.yaml", TenantYaml.Organization(@namespace: "globex", name: "globex", domain: "globex.example", admin: "admin@globex.example"));
        await using var api = new LocalApi(folder.Path);

        var error = Record.Exception(() => api.Services);

        Assert.NotNull(error);
        Assert.Contains("several namespaces (acme, globex)", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Safedrop:Local:Namespace", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ServeChosenNamespace_When_NamespaceOptionPicksOneOfSeveral()
    {
        using var folder = TenantFolder.Create();
        folder.Write("acme.yaml", TenantYaml.Organization());
        folder.Write("globex.yaml", TenantYaml.Organization(@namespace: "globex", name: "globex", domain: "globex.example", admin: "admin@globex.example"));
        await using var api = new LocalApi(folder.Path) { Settings = new Dictionary<string, string?> { ["Safedrop:Local:Namespace"] = "globex" } };

        Assert.Equal("globex", api.Store.Current.Namespace);
    }

    [Fact]
    public async Task Should_FailToStart_When_FolderHoldsNoOrganization()
    {
        using var folder = TenantFolder.Create();
        folder.Write("dropzone.yaml", TenantYaml.Dropzone());
        await using var api = new LocalApi(folder.Path);

        var error = Record.Exception(() => api.Services);

        Assert.NotNull(error);
        Assert.Contains("No Organization found", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailToStart_When_FolderDoesNotExist()
    {
        var missing = Path.Combine(Path.GetTempPath(), "safedrop-api-tests", "missing-" + Guid.NewGuid().ToString("N"));
        await using var api = new LocalApi(missing);

        var error = Record.Exception(() => api.Services);

        Assert.NotNull(error);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailToStart_When_ModeIsCluster()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path) { Settings = new Dictionary<string, string?> { ["Safedrop:Mode"] = "Cluster" } };

        var error = Record.Exception(() => api.Services);

        Assert.NotNull(error);
        Assert.Contains("--local", error.ToString(), StringComparison.Ordinal);
    }
}
