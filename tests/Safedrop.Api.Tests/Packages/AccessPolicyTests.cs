using Safedrop.Api.Packages;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Api.Tests.Packages;

/// <summary>SPEC.md §1, rule by rule, each both ways.</summary>
public sealed class AccessPolicyTests
{
    private const string Owner = "owner@acme.example";
    private const string Member = "member@acme.example";
    private const string Sender = "jane@customer.example";

    [Theory]
    // Standard access: the sender, the Dropzone's owner and members.
    [InlineData("jane@customer.example", false, true, AccessRule.Sender)]
    [InlineData("JANE@Customer.Example ", false, true, AccessRule.Sender)]
    [InlineData("owner@acme.example", false, true, AccessRule.DropzoneOwner)]
    [InlineData("member@acme.example", false, true, AccessRule.DropzoneMember)]
    // Anyone else is refused without Sender Domain Access...
    [InlineData("bob@customer.example", false, false, AccessRule.None)]
    [InlineData("colleague@acme.example", false, false, AccessRule.None)]
    // ...and with it, only external users of the sender's exact domain get in.
    [InlineData("bob@customer.example", true, true, AccessRule.SenderDomainAccess)]
    [InlineData("bob@sub.customer.example", true, false, AccessRule.None)]
    [InlineData("bob@other.example", true, false, AccessRule.None)]
    [InlineData("colleague@acme.example", true, false, AccessRule.None)]
    public void Should_Decide_By_The_Rules_Of_A_Dropzone_Package(string reader, bool senderDomainAccess, bool allowed, AccessRule rule)
    {
        var config = Tenant(Plan.Enterprise, senderDomainAccess);

        var decision = AccessPolicy.Decide(DropzonePackage(Sender), EmailAddress.Parse(reader), config);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(rule, decision.Rule);
    }

    [Theory]
    [InlineData("jane@gmail.com", "bob@gmail.com")]
    [InlineData("jane@googlemail.com", "bob@googlemail.com")]
    [InlineData("jane@mail.yahoo.com", "bob@mail.yahoo.com")]
    [InlineData("jane@freemail.example", "bob@freemail.example")] // the Organization's addition
    [InlineData("jane@dz-personal.example", "bob@dz-personal.example")] // the Dropzone's addition
    public void Should_Never_Admit_By_Domain_When_The_Senders_Domain_Is_Personal(string sender, string reader)
    {
        var config = Tenant(Plan.Enterprise, senderDomainAccess: true);

        var decision = AccessPolicy.Decide(DropzonePackage(sender), EmailAddress.Parse(reader), config);

        Assert.False(decision.Allowed);
        Assert.Contains("personal", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Admit_A_Business_Domain_That_Only_Resembles_A_Personal_One()
    {
        var config = Tenant(Plan.Enterprise, senderDomainAccess: true);

        var decision = AccessPolicy.Decide(DropzonePackage("jane@notgmail.com"), EmailAddress.Parse("bob@notgmail.com"), config);

        Assert.True(decision.Allowed);
    }

    [Theory]
    [InlineData(Plan.Business)]
    [InlineData(Plan.Team)]
    public void Should_Keep_Sender_Domain_Access_Off_When_The_Plan_Does_Not_Allow_It(Plan plan)
    {
        var config = Tenant(plan, senderDomainAccess: true);

        var decision = AccessPolicy.Decide(DropzonePackage(Sender), EmailAddress.Parse("bob@customer.example"), config);

        Assert.False(decision.Allowed);
        Assert.True(AccessPolicy.Decide(DropzonePackage(Sender), EmailAddress.Parse(Owner), config).Allowed);
    }

    [Fact]
    public void Should_Keep_Sender_Domain_Access_Off_When_The_Organization_Switches_It_Off()
    {
        var config = Compile(
            AnOrganization(Plan.Enterprise, o => o.Features.SenderDomainAccess = false),
            ADropzone("support", Owner, d => d.SenderDomainAccess = true)).Config;

        Assert.False(AccessPolicy.Decide(DropzonePackage(Sender), EmailAddress.Parse("bob@customer.example"), config).Allowed);
    }

    [Fact]
    public void Should_Admit_Only_The_Sender_When_The_Dropzone_Is_No_Longer_In_Force()
    {
        var config = Compile(AnOrganization()).Config;

        Assert.True(AccessPolicy.Decide(DropzonePackage(Sender), EmailAddress.Parse(Sender), config).Allowed);
        Assert.False(AccessPolicy.Decide(DropzonePackage(Sender), EmailAddress.Parse(Owner), config).Allowed);
    }

    [Theory]
    [InlineData("alice@acme.example", true, AccessRule.Sender)]
    [InlineData("partner@other.example", true, AccessRule.Recipient)]
    [InlineData("Partner@OTHER.example", true, AccessRule.Recipient)]
    [InlineData("colleague@other.example", false, AccessRule.None)]
    [InlineData("owner@acme.example", false, AccessRule.None)]
    public void Should_Admit_Sender_And_Recipients_Of_A_Direct_Package(string reader, bool allowed, AccessRule rule)
    {
        var config = Tenant(Plan.Enterprise, senderDomainAccess: true);
        var package = DropzonePackage("alice@acme.example") with { Dropzone = null, Recipients = ["partner@other.example"] };

        var decision = AccessPolicy.Decide(package, EmailAddress.Parse(reader), config);

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(rule, decision.Rule);
    }

    private static TenantConfig Tenant(Plan plan, bool senderDomainAccess) =>
        Compile(
            AnOrganization(plan, o => o.PersonalDomains = ["freemail.example"]),
            ADropzone("support", Owner, d =>
            {
                d.Members = [Member];
                d.SenderDomainAccess = senderDomainAccess;
                d.PersonalDomains = ["dz-personal.example"];
            })).Config;

    private static PackageRecord DropzonePackage(string sender) => new()
    {
        Id = PackageIds.New(),
        Sender = EmailAddress.Parse(sender).Value,
        Dropzone = "support",
        Files = [new PackageFile("f0", "log.txt", 10, "text/plain", 1)],
        VerifierHash = "",
        WrappedServerSecret = "",
        State = PackageState.Complete,
    };
}
