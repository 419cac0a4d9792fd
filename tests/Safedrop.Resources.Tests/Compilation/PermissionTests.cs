using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Resources.Tests.Compilation;

public class PermissionTests
{
    private static readonly EmailAddress Alice = EmailAddress.Parse("alice@acme.example");
    private static readonly EmailAddress Bob = EmailAddress.Parse("bob@acme.example");

    [Fact]
    public void Should_GrantEveryRegisteredUser_When_NoGroupGrantsThePermission()
    {
        var config = Compile(AnOrganization()).Config;

        var decision = config.Resolve(Bob, Permission.DropzoneOwnership);

        Assert.True(decision.Held);
        Assert.Equal(PermissionBasis.Unrestricted, decision.Basis);
    }

    [Fact]
    public void Should_RestrictToGroupMembers_When_AGroupGrantsThePermission()
    {
        var config = Compile(AnOrganization(), AGroup("owners", [Permission.DropzoneOwnership], "alice@acme.example")).Config;

        Assert.Equal(new[] { "owners" }, config.Resolve(Alice, Permission.DropzoneOwnership).Groups);
        Assert.True(config.Resolve(Alice, Permission.DropzoneOwnership).Held);
        Assert.False(config.Resolve(Bob, Permission.DropzoneOwnership).Held);
        Assert.Equal(PermissionBasis.NotInGrantingGroup, config.Resolve(Bob, Permission.DropzoneOwnership).Basis);
        // Other permissions stay unrestricted.
        Assert.True(config.Resolve(Bob, Permission.ApiKeys).Held);
    }

    [Fact]
    public void Should_UniteThePermissionsOfEveryGroupOfAUser()
    {
        var config = Compile(AnOrganization(),
            AGroup("keys", [Permission.ApiKeys], "alice@acme.example"),
            AGroup("devices", [Permission.TrustedDeviceKeys, Permission.ApiKeys], "alice@acme.example", "bob@acme.example")).Config;

        Assert.Equal(new[] { "devices", "keys" }, config.Resolve(Alice, Permission.ApiKeys).Groups);
        Assert.True(config.Resolve(Bob, Permission.ApiKeys).Held);
        Assert.True(config.Resolve(Bob, Permission.TrustedDeviceKeys).Held);
    }

    [Fact]
    public void Should_NotHoldPersonalWorkflows_When_NoGroupGrantsIt()
    {
        var decision = Compile(AnOrganization()).Config.Resolve(Alice, Permission.PersonalWorkflows);

        Assert.False(decision.Held);
        Assert.Equal(PermissionBasis.OptInRequired, decision.Basis);
    }

    [Fact]
    public void Should_HoldPersonalWorkflows_When_AGroupGrantsIt()
    {
        var config = Compile(AnOrganization(), AGroup("robots", [Permission.PersonalWorkflows], "alice@acme.example")).Config;

        Assert.True(config.Resolve(Alice, Permission.PersonalWorkflows).Held);
        Assert.False(config.Resolve(Bob, Permission.PersonalWorkflows).Held);
    }

    [Fact]
    public void Should_GiveExternalUsersNoPermission()
    {
        var config = Compile(AnOrganization()).Config;

        Assert.Equal(PermissionBasis.NotRegistered, config.Resolve(EmailAddress.Parse("eve@partner.example"), Permission.ApiKeys).Basis);
    }

    [Fact]
    public void Should_NotRestrict_When_TheGrantingGroupIsNotInForce()
    {
        // On the Team plan groups are a plan restriction: they restrict nothing.
        var config = Compile(AnOrganization(Plan.Team), AGroup("owners", [Permission.DropzoneOwnership], "alice@acme.example")).Config;

        Assert.Equal(PermissionBasis.Unrestricted, config.Resolve(Bob, Permission.DropzoneOwnership).Basis);
    }

    [Fact]
    public void Should_WithdrawAPermission_When_TheOrganizationSwitchesItsFeatureOff()
    {
        var config = Compile(AnOrganization(configure: s => s.Features.ApiKeys = false)).Config;

        Assert.Equal(PermissionBasis.FeatureUnavailable, config.Resolve(Alice, Permission.ApiKeys).Basis);
    }

    [Theory]
    [InlineData("alice@acme.example", "True")]
    [InlineData("bob@partner.example", "MemberNotRegistered")]
    [InlineData("not-an-address", "MemberNotRegistered")]
    public void Should_AcceptOnlyRegisteredGroupMembers(string member, string expected)
    {
        var result = Compile(AnOrganization(), AGroup("owners", [Permission.DropzoneOwnership], member));

        Assert.Equal(expected, result.ReadyOrReason(SecurityGroup.KindName, "owners"));
    }

    [Theory]
    [InlineData("support", "True")]
    [InlineData("nonexistent", "UnknownReference")]
    public void Should_RequireTheDropzonesThatScopeDropzoneManagerToExist(string scoped, string expected)
    {
        var group = AGroup("managers", [Permission.DropzoneManager], "alice@acme.example");
        group.Spec.Dropzones = [scoped];

        var result = Compile(AnOrganization(), ADropzone("support"), group);

        Assert.Equal(expected, result.ReadyOrReason(SecurityGroup.KindName, "managers"));
    }
}
