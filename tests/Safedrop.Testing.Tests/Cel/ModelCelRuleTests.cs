using System.Reflection;
using System.Text.Json.Nodes;
using Safedrop.Resources.Model;
using Safedrop.Resources.Schema;
using Safedrop.Testing.FakeKube.Cel;

namespace Safedrop.Testing.Tests.Cel;

/// <summary>Every <see cref="CelRuleAttribute"/> on the resource model compiles and decides the cases it was written for.</summary>
public sealed class ModelCelRuleTests
{
    public static TheoryData<string> AllRules()
    {
        var rules = typeof(Organization).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<CelRuleAttribute>()
                .Concat(t.GetProperties().SelectMany(p => p.GetCustomAttributes<CelRuleAttribute>())))
            .Select(r => r.Rule)
            .Distinct(StringComparer.Ordinal);
        return [.. rules];
    }

    [Theory]
    [MemberData(nameof(AllRules))]
    public void Should_Compile_When_RuleIsOnTheModel(string rule)
    {
        CelProgram.Compile(rule);
    }

    [Fact]
    public void Should_FindTheModelsRules_When_Scanned()
    {
        Assert.True(AllRules().Count >= 6);
    }

    [Theory]
    [InlineData("""{"webhook":{"url":"https://x"}}""", true)]
    [InlineData("""{"email":{"to":"a@b"}}""", true)]
    [InlineData("""{"webhook":{},"email":{}}""", false)]
    [InlineData("""{}""", false)]
    public void Should_RequireExactlyOneAction_When_WorkflowActionIsChecked(string action, bool valid)
    {
        Assert.Equal(valid, Holds("(has(self.webhook) ? 1 : 0) + (has(self.copyToWorkspace) ? 1 : 0) + (has(self.email) ? 1 : 0) == 1", action));
    }

    [Theory]
    [InlineData("""{"managed":{}}""", true)]
    [InlineData("""{"external":{}}""", true)]
    [InlineData("""{}""", true)]
    [InlineData("""{"managed":{},"external":{}}""", false)]
    public void Should_AllowAtMostOneOfManagedOrExternal_When_StorageOrCacheIsChecked(string spec, bool valid)
    {
        Assert.Equal(valid, Holds("!(has(self.managed) && has(self.external))", spec));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(8, true)]
    public void Should_AllowOneOrFourPlusReplicas_When_ManagedStorageIsChecked(int replicas, bool valid)
    {
        Assert.Equal(valid, Holds("self.replicas == 1 || self.replicas >= 4", $$"""{"replicas":{{replicas}}}"""));
    }

    [Theory]
    [InlineData("""{"permissions":["ApiKeys"]}""", true)]
    [InlineData("""{"permissions":["ApiKeys"],"dropzones":[]}""", true)]
    [InlineData("""{"permissions":["DropzoneManager"],"dropzones":["support"]}""", true)]
    [InlineData("""{"permissions":["ApiKeys"],"dropzones":["support"]}""", false)]
    public void Should_RequireDropzoneManager_When_SecurityGroupScopesDropzones(string spec, bool valid)
    {
        Assert.Equal(valid, Holds("!has(self.dropzones) || size(self.dropzones) == 0 || self.permissions.exists(p, p == 'DropzoneManager')", spec));
    }

    [Theory]
    [InlineData("""{"role":"CoOwner"}""", true)]
    [InlineData("""{"role":"CoOwner","external":false}""", true)]
    [InlineData("""{"role":"Modify","external":true}""", true)]
    [InlineData("""{"role":"CoOwner","external":true}""", false)]
    public void Should_LimitExternalCollaborators_When_CollaboratorIsChecked(string collaborator, bool valid)
    {
        Assert.Equal(valid, Holds("!has(self.external) || !self.external || self.role != 'CoOwner'", collaborator));
    }

    [Fact]
    public void Should_RefuseOwnerChange_When_PersonalWorkflowOwnerIsImmutable()
    {
        var rule = CelProgram.Compile("self == oldSelf");

        Assert.False(rule.Holds(JsonValue.Create("b@acme.example"), JsonValue.Create("a@acme.example")));
    }

    private static bool Holds(string rule, string self) => CelProgram.Compile(rule).Holds(JsonNode.Parse(self), null);
}
