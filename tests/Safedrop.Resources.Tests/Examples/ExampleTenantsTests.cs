using Safedrop.Resources.Model;
using Safedrop.Resources.Tests.Compilation;
using Safedrop.Testing;

namespace Safedrop.Resources.Tests.Examples;

/// <summary>The example tenants are real YAML: they read without problems and compile to the statuses their comments promise.</summary>
public class ExampleTenantsTests
{
    private static readonly Lazy<Manifests.ManifestSet> Examples = new(ExampleTenants.ReadAll);

    [Fact]
    public void Should_ReadEveryExampleWithoutProblems()
    {
        Assert.Empty(Examples.Value.Problems);
        Assert.Equal(["acme", "globex", "initech"], Examples.Value.Resources.Select(r => r.Resource.Metadata.NamespaceProperty).Distinct().Order());
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("globex")]
    public void Should_CompileEveryResourceReady_When_TheTenantStaysWithinItsPlan(string @namespace)
    {
        var result = ExampleTenants.Compile(Examples.Value, @namespace);

        Assert.All(result.Verdicts, v => Assert.True(v.Ready, $"{v.Kind}/{v.Name}: {v.Reason}: {v.Message}"));
    }

    [Fact]
    public void Should_UseEveryFeature_InTheEnterpriseExample()
    {
        var config = ExampleTenants.Compile(Examples.Value, "acme").Config;

        Assert.Contains(config.Dropzones.Values, d => d.SenderDomainAccess);
        Assert.Equal(Enum.GetValues<Permission>().ToHashSet(), config.SecurityGroups.Values.SelectMany(g => g.Permissions).ToHashSet());
        Assert.Contains(config.Workspaces.Values, w => w.Collaborators.Any(c => c.External));
        Assert.NotEmpty(config.Workflows);
        Assert.Contains(config.Workflows.Values, w => w.Actions.Any(a => a.Webhook is not null));
        Assert.Contains(config.Workflows.Values, w => w.Actions.Any(a => a.CopyToWorkspace is not null));
        Assert.Contains(config.Workflows.Values, w => w.Actions.Any(a => a.Email is not null));
    }

    [Theory]
    [InlineData("Organization", "initech", "True")]
    [InlineData("Dropzone", "tps-reports", "PlanRestriction")]
    [InlineData("SecurityGroup", "api-users", "PlanRestriction")]
    [InlineData("Workspace", "shared-drive", "True")]
    [InlineData("PersonalWorkflow", "notify-me", "PlanRestriction")]
    public void Should_ShowPlanRestrictions_InTheTeamExample(string kind, string name, string expected)
    {
        var result = ExampleTenants.Compile(Examples.Value, "initech");

        Assert.Equal(expected, result.ReadyOrReason(kind, name));
    }

    [Fact]
    public void Should_KeepTheTeamDropzoneWorkingWithSenderDomainAccessOff()
    {
        var dropzone = ExampleTenants.Compile(Examples.Value, "initech").Config.Dropzones["tps-reports"];

        Assert.False(dropzone.SenderDomainAccess);
    }
}
