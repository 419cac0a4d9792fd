using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Resources.Tests.Compilation;

public class OrganizationRulesTests
{
    [Fact]
    public void Should_BeReady_When_DomainsAndAdminsAreValid()
    {
        var result = Compile(AnOrganization());

        Assert.Equal("True", result.ReadyOrReason(Model.Organization.KindName, "acme"));
        Assert.Equal(["acme.example"], result.Config.Organization!.Domains);
        Assert.Equal(["admin@acme.example"], result.Config.Organization.Admins);
    }

    [Theory]
    [InlineData("boss@other.example", "AdminNotRegistered")]
    [InlineData("Boss@ACME.example", "True")]
    public void Should_RequireRegisteredAdmins(string admin, string expected)
    {
        var result = Compile(AnOrganization(configure: s => s.Admins = [admin]));

        Assert.Equal(expected, result.ReadyOrReason(Model.Organization.KindName, "acme"));
    }

    [Theory]
    [InlineData("gmail.com", "InvalidDomain")]
    [InlineData("mail.yahoo.co.uk", "InvalidDomain")]
    [InlineData("acme-group.example", "True")]
    public void Should_RefusePersonalDomainsAsInternal(string domain, string expected)
    {
        var result = Compile(AnOrganization(configure: s => s.Domains = ["acme.example", domain]));

        Assert.Equal(expected, result.ReadyOrReason(Model.Organization.KindName, "acme"));
    }

    [Fact]
    public void Should_NormaliseInternationalDomainsToPunycode()
    {
        var result = Compile(AnOrganization(configure: s => { s.Domains = ["Bücher.example"]; s.Admins = ["admin@bücher.example"]; }));

        Assert.Equal(["xn--bcher-kva.example"], result.Config.Organization!.Domains);
        Assert.Equal(["admin@xn--bcher-kva.example"], result.Config.Organization.Admins);
    }

    [Theory]
    [InlineData(-1, "DomainConflict")] // the other Organization is older: it keeps the domain
    [InlineData(+1, "True")]           // this one is older: the other must give it up
    public void Should_GiveAContestedDomainToTheOlderOrganization(int otherCreatedDaysRelative, string expected)
    {
        var mine = AnOrganization(created: Epoch);
        var other = AnOrganization(name: "rival", @namespace: "rival", created: Epoch.AddDays(otherCreatedDaysRelative), domains: ["acme.example"]);
        var directory = OrganizationDirectory.FromOrganizations([mine, other]);

        var result = Compile(null, directory, mine);

        Assert.Equal(expected, result.ReadyOrReason(Model.Organization.KindName, "acme"));
        if (expected != "True") Assert.Contains("'rival'", result.Find(Model.Organization.KindName, "acme")!.Message);
    }

    [Fact]
    public void Should_RefuseASecondOrganizationInTheNamespace()
    {
        var result = Compile(AnOrganization(name: "acme"), AnOrganization(name: "zeta", created: Epoch.AddDays(1)));

        Assert.Equal("True", result.ReadyOrReason(Model.Organization.KindName, "acme"));
        Assert.Equal("DuplicateOrganization", result.ReadyOrReason(Model.Organization.KindName, "zeta"));
    }

    [Fact]
    public void Should_EnforceNothing_When_TheNamespaceHasNoOrganization()
    {
        var result = Compile(ADropzone("support"));

        Assert.Equal("OrganizationNotReady", result.ReadyOrReason(Dropzone.KindName, "support"));
        Assert.Null(result.Config.Organization);
        Assert.Empty(result.Config.Dropzones);
    }

    [Fact]
    public void Should_KnowOtherOrganizationsDomains_When_CompilingForCrossOrganizationSharing()
    {
        var mine = AnOrganization();
        var other = AnOrganization(name: "globex", @namespace: "globex", domains: ["globex.example"]);

        var result = Compile(null, OrganizationDirectory.FromOrganizations([mine, other]), mine);

        Assert.Equal("globex", result.Config.ForeignOrganizationOf(Identity.EmailAddress.Parse("bob@GLOBEX.example")));
        Assert.Null(result.Config.ForeignOrganizationOf(Identity.EmailAddress.Parse("carol@acme.example")));
    }

    [Theory]
    [InlineData(Plan.Team, false, false, false)]
    [InlineData(Plan.Business, true, false, false)]
    [InlineData(Plan.Enterprise, true, true, true)]
    public void Should_DeriveFeaturesFromThePlan(Plan plan, bool groups, bool senderDomainAccess, bool workflows)
    {
        var features = Compile(AnOrganization(plan)).Config.Organization!.Features;

        Assert.Equal((groups, senderDomainAccess, workflows), (features.SecurityGroups, features.SenderDomainAccess, features.PersonalWorkflows));
    }

    [Fact]
    public void Should_TurnAFeatureOffForTheWholeTenant_When_ItsSwitchIsFalse()
    {
        var features = Compile(AnOrganization(configure: s => s.Features.ExternalSharing = false)).Config.Organization!.Features;

        Assert.False(features.ExternalSharing);
        Assert.True(features.SenderDomainAccess);
    }
}
