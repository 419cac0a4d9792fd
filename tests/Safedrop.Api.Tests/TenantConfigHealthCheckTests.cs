using Microsoft.Extensions.Diagnostics.HealthChecks;
using Safedrop.Api.Configuration;
using Safedrop.Api.Health;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Manifests;

namespace Safedrop.Api.Tests;

public class TenantConfigHealthCheckTests
{
    [Fact]
    public void Should_BeUnhealthy_When_NothingWasLoadedYet()
    {
        var result = TenantConfigHealthCheck.Check(TenantState.NotLoaded);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public void Should_NameTheFirstProblem_When_FolderNeverCompiled()
    {
        var state = new TenantState
        {
            Namespace = "acme",
            Problems = [new ManifestProblem(new SourceLocation("tenant/dropzone.yaml", 7), "mapping values are not allowed here")],
        };

        var result = TenantConfigHealthCheck.Check(state);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("tenant/dropzone.yaml:7", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_BeUnhealthy_When_CompiledConfigHasNoOrganization()
    {
        var state = new TenantState { Namespace = "acme", Compilation = new CompilationResult(TenantConfig.Empty("acme"), []) };

        var result = TenantConfigHealthCheck.Check(state);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}
