using Safedrop.Api.Workspaces;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Tests.Workspaces;

/// <summary>The one role function (SPEC §3): owner, declared collaborators, shares in force, the external cap.</summary>
public sealed class WorkspaceRolesTests
{
    private const string Owner = "owner@acme.example";
    private const string Colleague = "colleague@acme.example";
    private const string Partner = "partner@partner.example";

    private static CompiledWorkspace Workspace(bool externalSharing = true, params CompiledCollaborator[] collaborators) => new()
    {
        Name = "projects",
        Owner = Owner,
        Collaborators = collaborators,
        ExternalSharing = externalSharing,
        QuotaBytes = 1024,
    };

    private static WorkspaceShare Share(string email, CollaboratorRole role, ShareStatus status, bool external, string workspace = "projects") =>
        new(workspace, email, role, status, external, Owner, DateTimeOffset.UnixEpoch);

    public static TheoryData<string, CompiledWorkspace, WorkspaceShare[], string, bool, WorkspaceRole?> Cases => new()
    {
        { "owner", Workspace(), [], Owner, true, WorkspaceRole.Owner },
        { "owner spelled in capitals", Workspace(), [], "OWNER@ACME.EXAMPLE", true, WorkspaceRole.Owner },
        { "nobody", Workspace(), [], Colleague, true, null },
        { "declared View", Workspace(true, new CompiledCollaborator(Colleague, CollaboratorRole.View, false)), [], Colleague, true, WorkspaceRole.View },
        { "declared Modify", Workspace(true, new CompiledCollaborator(Colleague, CollaboratorRole.Modify, false)), [], Colleague, true, WorkspaceRole.Modify },
        { "declared CoOwner", Workspace(true, new CompiledCollaborator(Colleague, CollaboratorRole.CoOwner, false)), [], Colleague, true, WorkspaceRole.CoOwner },
        { "declared external Modify", Workspace(true, new CompiledCollaborator(Partner, CollaboratorRole.Modify, true)), [], Partner, false, WorkspaceRole.Modify },
        { "declared external CoOwner is capped", Workspace(true, new CompiledCollaborator(Partner, CollaboratorRole.CoOwner, true)), [], Partner, false, WorkspaceRole.Modify },
        { "declared internal CoOwner who is not registered is capped", Workspace(true, new CompiledCollaborator(Partner, CollaboratorRole.CoOwner, false)), [], Partner, false, WorkspaceRole.Modify },
        { "declared external without external sharing", Workspace(false, new CompiledCollaborator(Partner, CollaboratorRole.Modify, true)), [], Partner, false, null },
        { "invited share", Workspace(), [Share(Colleague, CollaboratorRole.Modify, ShareStatus.Invited, false)], Colleague, true, WorkspaceRole.Modify },
        { "pending share", Workspace(), [Share(Colleague, CollaboratorRole.Modify, ShareStatus.PendingAdminApproval, false)], Colleague, true, null },
        { "rejected share", Workspace(), [Share(Colleague, CollaboratorRole.Modify, ShareStatus.Rejected, false)], Colleague, true, null },
        { "revoked share", Workspace(), [Share(Colleague, CollaboratorRole.Modify, ShareStatus.Revoked, false)], Colleague, true, null },
        { "share of another workspace", Workspace(), [Share(Colleague, CollaboratorRole.Modify, ShareStatus.Invited, false, "other")], Colleague, true, null },
        { "share for someone else", Workspace(), [Share(Owner, CollaboratorRole.View, ShareStatus.Invited, false)], Colleague, true, null },
        { "external invited CoOwner share is capped", Workspace(), [Share(Partner, CollaboratorRole.CoOwner, ShareStatus.Invited, true)], Partner, false, WorkspaceRole.Modify },
        { "external share without external sharing", Workspace(false), [Share(Partner, CollaboratorRole.View, ShareStatus.Invited, true)], Partner, false, null },
        { "strongest grant wins: declared View, shared CoOwner", Workspace(true, new CompiledCollaborator(Colleague, CollaboratorRole.View, false)),
            [Share(Colleague, CollaboratorRole.CoOwner, ShareStatus.Invited, false)], Colleague, true, WorkspaceRole.CoOwner },
        { "strongest grant wins: declared CoOwner, shared View", Workspace(true, new CompiledCollaborator(Colleague, CollaboratorRole.CoOwner, false)),
            [Share(Colleague, CollaboratorRole.View, ShareStatus.Invited, false)], Colleague, true, WorkspaceRole.CoOwner },
        { "an owner address that is not registered gets no ownership", Workspace(), [], Owner, false, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Resolve_The_Effective_Role(string @case, CompiledWorkspace workspace, WorkspaceShare[] shares, string caller, bool registered, WorkspaceRole? expected)
    {
        var role = WorkspaceRoles.Resolve(workspace, shares, EmailAddress.Parse(caller), registered);

        Assert.True(expected == role?.Role, $"{@case}: expected {expected?.ToString() ?? "none"}, got {role?.Role.ToString() ?? "none"}");
    }

    [Theory]
    [InlineData(WorkspaceRole.Owner, WorkspaceRole.CoOwner, true)]
    [InlineData(WorkspaceRole.CoOwner, WorkspaceRole.Modify, true)]
    [InlineData(WorkspaceRole.Modify, WorkspaceRole.View, true)]
    [InlineData(WorkspaceRole.View, WorkspaceRole.View, true)]
    [InlineData(WorkspaceRole.View, WorkspaceRole.Modify, false)]
    [InlineData(WorkspaceRole.Modify, WorkspaceRole.CoOwner, false)]
    [InlineData(WorkspaceRole.CoOwner, WorkspaceRole.Owner, false)]
    public void Should_Include_Every_Lower_Role_Only(WorkspaceRole held, WorkspaceRole needed, bool included) =>
        Assert.Equal(included, new EffectiveRole(held, RoleSource.Declared, false).Includes(needed));

    [Fact]
    public void Should_Mark_External_Grants_External()
    {
        var role = WorkspaceRoles.Resolve(Workspace(true, new CompiledCollaborator(Partner, CollaboratorRole.Modify, true)), [], EmailAddress.Parse(Partner), callerRegistered: false);

        Assert.Equal(new EffectiveRole(WorkspaceRole.Modify, RoleSource.Declared, External: true), role);
    }
}
