using Safedrop.Resources.Model;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Resources.Tests.Compilation;

/// <summary>SPEC.md: a resource that is not Ready is not enforced; its last valid configuration stays in force.</summary>
public class LastValidFormTests
{
    [Fact]
    public void Should_KeepTheLastValidDropzone_When_AnEditMakesItInvalid()
    {
        var before = Compile(AnOrganization(), ADropzone("support", configure: s => s.Members = ["carol@acme.example"]));

        var after = Compile(before.Config, null, AnOrganization(),
            ADropzone("support", configure: s => s.Members = ["carol@acme.example", "eve@partner.example"]).WithGeneration(2));

        Assert.Equal("MemberNotRegistered", after.ReadyOrReason(Dropzone.KindName, "support"));
        Assert.Equal(before.Config.Dropzones["support"], after.Config.Dropzones["support"]);
        Assert.Contains("generation 1", after.Find(Dropzone.KindName, "support")!.Message);
    }

    [Fact]
    public void Should_EnforceNothing_When_ANewResourceIsInvalid()
    {
        var result = Compile(AnOrganization(), ADropzone("support", "eve@partner.example"));

        Assert.Equal("OwnerNotRegistered", result.ReadyOrReason(Dropzone.KindName, "support"));
        Assert.Empty(result.Config.Dropzones);
        Assert.Contains("Not in force", result.Find(Dropzone.KindName, "support")!.Message);
    }

    [Fact]
    public void Should_TurnSenderDomainAccessOffAtOnce_When_ThePlanIsDowngradedWhileTheLastValidFormIsKept()
    {
        var before = Compile(AnOrganization(Plan.Enterprise), ADropzone("support", configure: s => s.SenderDomainAccess = true));
        Assert.True(before.Config.Dropzones["support"].SenderDomainAccess);

        var after = Compile(before.Config, null, AnOrganization(Plan.Business),
            ADropzone("support", configure: s => { s.SenderDomainAccess = true; s.Members = ["eve@partner.example"]; }).WithGeneration(2));

        Assert.False(after.Config.Dropzones["support"].SenderDomainAccess);
    }

    [Fact]
    public void Should_KeepTheLastValidMembership_When_AGroupGetsAnUnregisteredMember()
    {
        var before = Compile(AnOrganization(), AGroup("owners", [Permission.DropzoneOwnership], "alice@acme.example"));

        var after = Compile(before.Config, null, AnOrganization(),
            AGroup("owners", [Permission.DropzoneOwnership], "alice@acme.example", "eve@partner.example").WithGeneration(2));

        Assert.Equal("MemberNotRegistered", after.ReadyOrReason(SecurityGroup.KindName, "owners"));
        Assert.Equal(["alice@acme.example"], after.Config.SecurityGroups["owners"].Members);
    }

    [Fact]
    public void Should_KeepTheLastValidOrganization_When_ItsSpecBecomesInvalid()
    {
        var before = Compile(AnOrganization(), ADropzone("support"));

        var after = Compile(before.Config, null, AnOrganization(configure: s => s.Admins = ["boss@elsewhere.example"]).WithGeneration(2), ADropzone("support"));

        Assert.Equal("AdminNotRegistered", after.ReadyOrReason(Organization.KindName, "acme"));
        Assert.Equal(before.Config.Organization, after.Config.Organization);
        Assert.Equal("True", after.ReadyOrReason(Dropzone.KindName, "support"));
    }

    [Fact]
    public void Should_RemoveExternalCollaboratorsAtOnce_When_ExternalSharingIsSwitchedOffWhileTheLastValidFormIsKept()
    {
        var before = Compile(AnOrganization(), AWorkspace("deals", collaborators: ("eve@partner.example", CollaboratorRole.View)));

        var after = Compile(before.Config, null, AnOrganization(configure: s => s.Features.ExternalSharing = false),
            AWorkspace("deals", collaborators: ("eve@partner.example", CollaboratorRole.View)).WithGeneration(2));

        Assert.Equal("ExternalSharingDisabled", after.ReadyOrReason(Workspace.KindName, "deals"));
        Assert.Empty(after.Config.Workspaces["deals"].Collaborators);
        Assert.False(after.Config.Workspaces["deals"].ExternalSharing);
    }
}
