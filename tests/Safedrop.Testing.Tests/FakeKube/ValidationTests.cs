namespace Safedrop.Testing.Tests.FakeKube;

public sealed class ValidationTests : FakeKubeTestBase
{
    private const string Support = Fixtures.Dropzones + "/support";

    [Fact]
    public async Task Should_Return422WithRuleMessage_When_TransitionRuleFails()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        var (code, status) = await Wire.PatchAsync(Support, """{"spec":{"owner":"other@acme.example"}}""", "application/merge-patch+json");

        Assert.Equal(422, code);
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.Equal("Dropzone.safedrop.io \"support\" is invalid: spec.owner: Invalid value: \"string\": owner is immutable", status["message"]!.GetValue<string>());
        var cause = Assert.Single(status["details"]!["causes"]!.AsArray())!;
        Assert.Equal("FieldValueInvalid", cause["reason"]!.GetValue<string>());
        Assert.Equal("spec.owner", cause["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_SkipTransitionRules_When_ObjectIsCreated()
    {
        var (code, _) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        Assert.Equal(201, code);
    }

    [Fact]
    public async Task Should_Return422_When_ObjectRuleFailsOnCreate()
    {
        var (code, status) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support", extraSpec: ",\"quota\":{\"files\":-1}"));

        Assert.Equal(422, code);
        var cause = Assert.Single(status["details"]!["causes"]!.AsArray())!;
        Assert.Equal("spec.quota", cause["field"]!.GetValue<string>());
        Assert.Equal("Invalid value: \"object\": files must not be negative", cause["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_DropUnknownFields_When_SchemaDoesNotDeclareThem()
    {
        var (_, body) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support", extraSpec: ",\"bogus\":1"));

        Assert.Null(body["spec"]!["bogus"]);
    }

    [Fact]
    public async Task Should_Return422_When_CrdRuleDoesNotCompile()
    {
        var crd = Fixtures.DropzoneCrd
            .Replace("dropzones.safedrop.io", "widgets.safedrop.io", StringComparison.Ordinal)
            .Replace("\"plural\":\"dropzones\"", "\"plural\":\"widgets\"", StringComparison.Ordinal)
            .Replace("self == oldSelf", "self == ", StringComparison.Ordinal);

        var (code, status) = await Wire.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);

        Assert.Equal(422, code);
        Assert.Contains("x-kubernetes-validations[0].rule", status["details"]!["causes"]![0]!["field"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_EstablishCrd_When_Created()
    {
        var (_, crd) = await Wire.GetAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/dropzones.safedrop.io");

        var conditions = crd["status"]!["conditions"]!.AsArray();
        Assert.Contains(conditions, c => c!["type"]!.GetValue<string>() == "Established" && c["status"]!.GetValue<string>() == "True");
        Assert.Contains(conditions, c => c!["type"]!.GetValue<string>() == "NamesAccepted" && c["status"]!.GetValue<string>() == "True");
    }
}
