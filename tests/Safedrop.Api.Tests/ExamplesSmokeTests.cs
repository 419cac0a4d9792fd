using Safedrop.Api.Tests.Hosting;
using Safedrop.Testing;

namespace Safedrop.Api.Tests;

/// <summary>The README's first command: local mode on the Enterprise example.</summary>
public class ExamplesSmokeTests
{
    [Fact]
    public async Task Should_ServeEnterpriseExample_When_StartedInLocalMode()
    {
        var folder = Path.Combine(RepositoryPaths.Examples, "enterprise");
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.SkipWhen(!Directory.Exists(folder) && !onCi, $"{folder} does not exist yet.");
        Assert.True(Directory.Exists(folder), $"{folder} must exist under CI=true.");

        await using var api = new LocalApi(folder);
        var status = await api.GetAdminStatusAsync();

        Assert.Empty(status.Problems);
        Assert.True(status.Ready, "the Enterprise example's Organization must be in force");
        Assert.Contains(status.Resources, r => r.Kind == "Organization");
        Assert.Contains(status.Resources, r => r.Kind == "Dropzone");
    }
}
