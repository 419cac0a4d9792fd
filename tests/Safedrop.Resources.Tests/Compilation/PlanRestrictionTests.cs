using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Resources.Tests.Compilation;

public class PlanRestrictionTests
{
    private static readonly Permission[] Workflows = [Permission.PersonalWorkflows];

    [Theory]
    [InlineData(Plan.Team, "PlanRestriction")]
    [InlineData(Plan.Business, "True")]
    [InlineData(Plan.Enterprise, "True")]
    public void Should_AllowSecurityGroupsOnBusinessAndEnterpriseOnly(Plan plan, string expected)
    {
        var result = Compile(AnOrganization(plan), AGroup("owners", [Permission.DropzoneOwnership], "alice@acme.example"));

        Assert.Equal(expected, result.ReadyOrReason(SecurityGroup.KindName, "owners"));
        Assert.Equal(expected == "True", result.Config.SecurityGroups.ContainsKey("owners"));
    }

    [Theory]
    [InlineData(Plan.Team, "PlanRestriction", false)]
    [InlineData(Plan.Business, "PlanRestriction", false)]
    [InlineData(Plan.Enterprise, "True", true)]
    public void Should_AllowSenderDomainAccessOnEnterpriseOnly(Plan plan, string expected, bool inForce)
    {
        var result = Compile(AnOrganization(plan), ADropzone("support", configure: s => s.SenderDomainAccess = true));

        Assert.Equal(expected, result.ReadyOrReason(Dropzone.KindName, "support"));
        // The Dropzone itself keeps working; only the restricted feature stays off.
        Assert.Equal(inForce, result.Config.Dropzones["support"].SenderDomainAccess);
        Assert.Equal(inForce, result.Find(Dropzone.KindName, "support")!.Facts is DropzoneFacts { SenderDomainAccess: true });
    }

    [Fact]
    public void Should_KeepSenderDomainAccessOff_When_TheOrganizationSwitchesItOff()
    {
        var result = Compile(AnOrganization(configure: s => s.Features.SenderDomainAccess = false),
            ADropzone("support", configure: s => s.SenderDomainAccess = true));

        Assert.Equal("FeatureDisabled", result.ReadyOrReason(Dropzone.KindName, "support"));
        Assert.False(result.Config.Dropzones["support"].SenderDomainAccess);
    }

    [Fact]
    public void Should_LeaveSenderDomainAccessOffByDefault()
    {
        var result = Compile(AnOrganization(), ADropzone("support"));

        Assert.Equal("True", result.ReadyOrReason(Dropzone.KindName, "support"));
        Assert.False(result.Config.Dropzones["support"].SenderDomainAccess);
    }

    [Theory]
    [InlineData(Plan.Business, "PlanRestriction")]
    [InlineData(Plan.Enterprise, "True")]
    public void Should_AllowPersonalWorkflowsOnEnterpriseOnly(Plan plan, string expected)
    {
        var result = Compile(AnOrganization(plan), AGroup("robots", Workflows, "robot@acme.example"), AWorkflow("notify"));

        Assert.Equal(expected, result.ReadyOrReason(PersonalWorkflow.KindName, "notify"));
        Assert.Equal(expected == "True", result.Config.Workflows.ContainsKey("notify"));
    }

    [Fact]
    public void Should_StopEveryWorkflow_When_TheOrganizationSwitchesPersonalWorkflowsOff()
    {
        var result = Compile(AnOrganization(configure: s => s.Features.PersonalWorkflows = false),
            AGroup("robots", Workflows, "robot@acme.example"), AWorkflow("notify"));

        Assert.Equal("FeatureDisabled", result.ReadyOrReason(PersonalWorkflow.KindName, "notify"));
        Assert.Empty(result.Config.Workflows);
    }
}
