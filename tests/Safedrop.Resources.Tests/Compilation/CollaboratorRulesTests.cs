using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Resources.Tests.Compilation;

public class CollaboratorRulesTests
{
    [Theory]
    [InlineData("carol@acme.example", CollaboratorRole.CoOwner, "True")]
    [InlineData("eve@partner.example", CollaboratorRole.Modify, "True")]
    [InlineData("eve@partner.example", CollaboratorRole.View, "True")]
    [InlineData("eve@partner.example", CollaboratorRole.CoOwner, "InvalidRole")]
    [InlineData("bob@globex.example", CollaboratorRole.View, "CrossOrganizationCollaborator")]
    public void Should_AllowExternalCollaboratorsAtMostModify(string email, CollaboratorRole role, string expected)
    {
        var mine = AnOrganization();
        var globex = AnOrganization(name: "globex", @namespace: "globex", domains: ["globex.example"]);

        var result = Compile(null, OrganizationDirectory.FromOrganizations([mine, globex]), mine, AWorkspace("deals", collaborators: (email, role)));

        Assert.Equal(expected, result.ReadyOrReason(Workspace.KindName, "deals"));
    }

    [Theory]
    [InlineData(CollaboratorRole.Modify, "DownloadAndUpload")]
    [InlineData(CollaboratorRole.CoOwner, "DownloadAndUpload")]
    [InlineData(CollaboratorRole.View, "ViewAndDownload")]
    public void Should_OfferAWebLinkWithTheMappedPermission_When_TheCollaboratorBelongsToAnotherOrganization(CollaboratorRole role, string webLink)
    {
        var mine = AnOrganization();
        var globex = AnOrganization(name: "globex", @namespace: "globex", domains: ["globex.example"]);

        var result = Compile(null, OrganizationDirectory.FromOrganizations([mine, globex]), mine, AWorkspace("deals", collaborators: ("bob@globex.example", role)));

        Assert.Contains(webLink, result.Find(Workspace.KindName, "deals")!.Message);
    }

    [Theory]
    [InlineData(true, true, "True")]
    [InlineData(false, true, "ExternalSharingDisabled")]
    [InlineData(true, false, "ExternalSharingDisabled")]
    public void Should_RefuseExternalCollaborators_When_ExternalSharingIsOff(bool organizationSwitch, bool workspaceSetting, string expected)
    {
        var result = Compile(AnOrganization(configure: s => s.Features.ExternalSharing = organizationSwitch),
            AWorkspace("deals", configure: s => s.ExternalSharing = workspaceSetting, collaborators: ("eve@partner.example", CollaboratorRole.View)));

        Assert.Equal(expected, result.ReadyOrReason(Workspace.KindName, "deals"));
    }

    [Theory]
    [InlineData("carol@acme.example", "Carol@ACME.example ", "DuplicateCollaborator")]
    [InlineData("owner@acme.example", "carol@acme.example", "DuplicateCollaborator")]
    [InlineData("carol@acme.example", "dave@acme.example", "True")]
    public void Should_RefuseDuplicateCollaborators(string first, string second, string expected)
    {
        var result = Compile(AnOrganization(), AWorkspace("deals", collaborators: [(first, CollaboratorRole.View), (second, CollaboratorRole.Modify)]));

        Assert.Equal(expected, result.ReadyOrReason(Workspace.KindName, "deals"));
    }

    [Fact]
    public void Should_MarkExternalCollaboratorsInTheCompiledWorkspace()
    {
        var workspace = Compile(AnOrganization(), AWorkspace("deals", collaborators: [("carol@acme.example", CollaboratorRole.CoOwner), ("eve@partner.example", CollaboratorRole.Modify)]))
            .Config.Workspaces["deals"];

        Assert.Equal(
            [new CompiledCollaborator("carol@acme.example", CollaboratorRole.CoOwner, false), new CompiledCollaborator("eve@partner.example", CollaboratorRole.Modify, true)],
            workspace.Collaborators);
    }
}
