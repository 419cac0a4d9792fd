using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests;

/// <summary>
/// Local mode serves one namespace and refuses to start, saying why, when it cannot tell which.
/// Refusals run the real process: they are about its exit and what it prints.
/// </summary>
public class LocalModeStartupTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_ExitNamingTheChoices_When_OrganizationsAreInSeveralNamespaces()
    {
        using var folder = TwoTenants();

        var (exitCode, output) = await RunToExit("--local", folder.Path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("several namespaces (acme, globex)", output, StringComparison.Ordinal);
        Assert.Contains("--Safedrop:Local:Namespace=<namespace>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ServeChosenNamespace_When_NamespaceOptionPicksOneOfSeveral()
    {
        using var folder = TwoTenants();
        await using var api = new LocalApi(folder.Path) { Settings = new Dictionary<string, string?> { ["Safedrop:Local:Namespace"] = "globex" } };

        Assert.Equal("globex", api.Store.Current.Namespace);
    }

    [Fact]
    public async Task Should_Exit_When_FolderHoldsNoOrganization()
    {
        using var folder = TenantFolder.Create();
        folder.Write("dropzone.yaml", TenantYaml.Dropzone());

        var (exitCode, output) = await RunToExit("--local", folder.Path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("No Organization found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_When_FolderDoesNotExist()
    {
        var missing = Path.Combine(Path.GetTempPath(), "safedrop-api-tests", "missing-" + Guid.NewGuid().ToString("N"));

        var (exitCode, output) = await RunToExit("--local", missing);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Safedrop:Local:Folder '{missing}' does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Exit_When_StartedWithoutLocalFolder()
    {
        var (exitCode, output) = await RunToExit();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--local <folder of tenant YAML>", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunToExit(params string[] args)
    {
        await using var api = ApiProcess.Start(Path.GetTempPath(), [.. args, "--urls", ApiProcess.FreeLocalUrl()]);
        var exitCode = await api.WaitForExitAsync(ExitTimeout);
        return (exitCode, api.Output);
    }

    private static TenantFolder TwoTenants()
    {
        var folder = TenantFolder.Create();
        folder.Write("acme.yaml", TenantYaml.Organization());
        folder.Write("globex.yaml", TenantYaml.Organization(@namespace: "globex", name: "globex", domain: "globex.example", admin: "admin@globex.example"));
        return folder;
    }
}
