using Safedrop.Resources.Model;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Resources.Tests.Compilation;

public class OwnerRulesTests
{
    public static TheoryData<string, string, string> Owners => new()
    {
        // kind, owner, expected
        { Dropzone.KindName, "alice@acme.example", "True" },
        { Dropzone.KindName, " Alice@ACME.example ", "True" },
        { Dropzone.KindName, "bob@acme.example", "MissingPermission" },
        { Dropzone.KindName, "eve@partner.example", "OwnerNotRegistered" },
        { Workspace.KindName, "alice@acme.example", "True" },
        { Workspace.KindName, "bob@acme.example", "MissingPermission" },
        { Workspace.KindName, "eve@partner.example", "OwnerNotRegistered" },
        { PersonalWorkflow.KindName, "alice@acme.example", "True" },
        { PersonalWorkflow.KindName, "bob@acme.example", "MissingPermission" },
        { PersonalWorkflow.KindName, "eve@partner.example", "OwnerNotRegistered" },
    };

    [Theory]
    [MemberData(nameof(Owners))]
    public void Should_RequireOwnersToBeRegisteredAndHoldTheOwnershipPermission(string kind, string owner, string expected)
    {
        // Alice alone holds every ownership permission.
        var owners = AGroup("owners", [Permission.DropzoneOwnership, Permission.WorkspaceOwnership, Permission.PersonalWorkflows], "alice@acme.example");
        ISafedropResource resource = kind switch
        {
            Dropzone.KindName => ADropzone("subject", owner),
            Workspace.KindName => AWorkspace("subject", owner),
            _ => AWorkflow("subject", owner),
        };

        var result = Compile(AnOrganization(), owners, resource);

        Assert.Equal(expected, result.ReadyOrReason(kind, "subject"));
    }

    [Fact]
    public void Should_ExplainWhichGroupsHoldThePermission_When_TheOwnerLacksIt()
    {
        var result = Compile(AnOrganization(), AGroup("dz-owners", [Permission.DropzoneOwnership], "alice@acme.example"), ADropzone("support", "bob@acme.example"));

        var message = result.Find(Dropzone.KindName, "support")!.Message;
        Assert.Contains("bob@acme.example does not hold DropzoneOwnership", message);
        Assert.Contains("dz-owners", message);
    }

    [Theory]
    [InlineData("carol@acme.example", "True")]
    [InlineData("eve@partner.example", "MemberNotRegistered")]
    public void Should_AcceptOnlyRegisteredDropzoneMembers(string member, string expected)
    {
        var result = Compile(AnOrganization(), ADropzone("support", configure: s => s.Members = [member]));

        Assert.Equal(expected, result.ReadyOrReason(Dropzone.KindName, "support"));
    }

    [Theory]
    [InlineData("1Gi", "2Gi", "True")]
    [InlineData("3Gi", "2Gi", "InvalidSpec")]
    [InlineData("ten", "2Gi", "InvalidSpec")]
    public void Should_RequireSizeLimitsThatMakeSense(string maxFile, string maxPackage, string expected)
    {
        var result = Compile(AnOrganization(), ADropzone("support", configure: s => { s.MaxFileSize = maxFile; s.MaxPackageSize = maxPackage; }));

        Assert.Equal(expected, result.ReadyOrReason(Dropzone.KindName, "support"));
    }

    [Fact]
    public void Should_CompileSizesToBytes()
    {
        var dropzone = Compile(AnOrganization(), ADropzone("support", configure: s => { s.MaxFileSize = "500Mi"; s.MaxPackageSize = "1Gi"; }))
            .Config.Dropzones["support"];

        Assert.Equal((500L << 20, 1L << 30), (dropzone.MaxFileSizeBytes, dropzone.MaxPackageSizeBytes));
    }
}
