using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Resources.Tests.Compilation;

public class TenantConfigTests
{
    private static CompilationResult Sample() => Compile(AnOrganization(),
        AGroup("owners", [Permission.DropzoneOwnership], "owner@acme.example"),
        ADropzone("support", configure: s => s.SenderDomainAccess = true),
        AWorkspace("deals", collaborators: ("eve@partner.example", CollaboratorRole.Modify)));

    [Fact]
    public void Should_HaveTheSameRevision_When_TheInputIsTheSame()
    {
        Assert.Equal(Sample().Config.Revision, Sample().Config.Revision);
    }

    [Fact]
    public void Should_ChangeTheRevision_When_AnythingEnforcedChanges()
    {
        var changed = Compile(AnOrganization(), AGroup("owners", [Permission.DropzoneOwnership], "owner@acme.example"), ADropzone("support"),
            AWorkspace("deals", collaborators: ("eve@partner.example", CollaboratorRole.Modify)));

        Assert.NotEqual(Sample().Config.Revision, changed.Config.Revision);
    }

    [Fact]
    public void Should_SurviveTheSnapshotJsonRoundTrip()
    {
        var config = Sample().Config;

        var copy = TenantConfigJson.Deserialize(TenantConfigJson.Serialize(config));

        Assert.Equal(TenantConfigJson.Serialize(config), TenantConfigJson.Serialize(copy));
        Assert.True(copy.Dropzones["support"].SenderDomainAccess);
        Assert.True(copy.Resolve(EmailAddress.Parse("owner@acme.example"), Permission.DropzoneOwnership).Held);
        Assert.False(copy.Resolve(EmailAddress.Parse("bob@acme.example"), Permission.DropzoneOwnership).Held);
    }

    [Fact]
    public void Should_CountReadyResourcesInTheOrganizationStatus()
    {
        var facts = Assert.IsType<OrganizationFacts>(Compile(AnOrganization(), ADropzone("ok"), ADropzone("bad", "eve@partner.example")).Find(Organization.KindName, "acme")!.Facts);

        Assert.Equal((1, 2), (facts.Counts.Dropzones.Ready, facts.Counts.Dropzones.Total));
    }

    [Fact]
    public void Should_WriteConditionsOnlyWhenTheyChange()
    {
        var dropzone = ADropzone("support");
        var verdict = Compile(AnOrganization(), dropzone).Find(Dropzone.KindName, "support")!;
        var now = new DateTimeOffset(Epoch);

        Assert.True(StatusWriter.Apply(dropzone, verdict, now));
        Assert.False(StatusWriter.Apply(dropzone, verdict, now.AddMinutes(5)));
        Assert.Equal(now, Conditions.Find(dropzone.Status.Conditions, ConditionTypes.Ready)!.LastTransitionTime);
        Assert.Equal(1, dropzone.Status.ObservedGeneration);
    }

    [Fact]
    public void Should_KeepLastTransitionTime_When_OnlyTheMessageChanges()
    {
        var conditions = new List<Condition>();
        var start = new DateTimeOffset(Epoch);
        Conditions.Set(conditions, new ConditionUpdate("Ready", ConditionStatus.False, "A", "one"), 1, start);

        Assert.True(Conditions.Set(conditions, new ConditionUpdate("Ready", ConditionStatus.False, "B", "two"), 2, start.AddMinutes(1)));
        Assert.Equal(start, conditions[0].LastTransitionTime);
        Assert.True(Conditions.Set(conditions, new ConditionUpdate("Ready", ConditionStatus.True, "B", "two"), 2, start.AddMinutes(2)));
        Assert.Equal(start.AddMinutes(2), conditions[0].LastTransitionTime);
    }

    [Theory]
    [InlineData("gmail.com", true)]
    [InlineData("mail.gmail.com", true)]
    [InlineData("GMX.net", true)]
    [InlineData("acme.example", false)]
    [InlineData("notgmail.com", false)]
    public void Should_RecognisePersonalDomainsAndTheirSubdomains(string domain, bool personal)
    {
        var set = Compile(AnOrganization()).Config.Organization!.PersonalDomains;

        Assert.Equal(personal, PersonalDomains.Contains(set, EmailAddress.NormalizeDomain(domain)));
    }

    [Theory]
    [InlineData(" Alice@Example.COM ", "alice@example.com")]
    [InlineData("x@Bücher.example", "x@xn--bcher-kva.example")]
    [InlineData("odd@name@acme.example", null)]
    [InlineData("no-at-sign", null)]
    [InlineData("trailing@", null)]
    public void Should_NormaliseAddresses(string raw, string? expected)
    {
        Assert.Equal(expected, EmailAddress.TryParse(raw, out var address) ? address.Value : null);
    }
}
