using System.Net;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Testing;

namespace Safedrop.Api.Tests;

/// <summary>The README's first command: local mode on the Enterprise example.</summary>
public class ExamplesSmokeTests
{
    private static readonly string Enterprise = Path.Combine(RepositoryPaths.Examples, "enterprise");

    [Fact]
    public async Task Should_CompileEveryResource_When_EnterpriseExampleIsServed()
    {
        SkipUnlessExampleExists();
        await using var api = new LocalApi(Enterprise);

        var status = await api.GetAdminStatusAsync();

        Assert.Empty(status.Problems);
        Assert.True(status.Ready, "the Enterprise example's Organization must be in force");
        Assert.Contains(status.Resources, r => r.Kind == "Organization");
        Assert.Contains(status.Resources, r => r.Kind == "Dropzone");
    }

    [Fact]
    public async Task Should_BeReady_When_ReadmeCommandRunsFromRepositoryRoot()
    {
        SkipUnlessExampleExists();
        await using var api = ApiProcess.Start(RepositoryPaths.Root, "--local", "examples/enterprise", "--urls", ApiProcess.FreeLocalUrl());
        var address = await api.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = address };

        var ready = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        Assert.True(ready.StatusCode == HttpStatusCode.OK, api.Output);
        Assert.Contains("NAMESPACE", api.Output, StringComparison.Ordinal);
    }

    private static void SkipUnlessExampleExists()
    {
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.SkipWhen(!Directory.Exists(Enterprise) && !onCi, $"{Enterprise} does not exist yet.");
        Assert.True(Directory.Exists(Enterprise), $"{Enterprise} must exist under CI=true.");
    }
}
