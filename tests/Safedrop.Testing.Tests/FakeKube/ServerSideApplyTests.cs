using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safedrop.Testing.Tests.FakeKube;

public sealed class ServerSideApplyTests : FakeKubeTestBase
{
    private const string Apply = "application/apply-patch+yaml";
    private const string Support = Fixtures.Dropzones + "/support";

    private static string Config(string spec) =>
        "apiVersion: safedrop.io/v1alpha1\nkind: Dropzone\nmetadata:\n  name: support\nspec:\n" + spec;

    [Fact]
    public async Task Should_CreateObject_When_AppliedAndMissing()
    {
        var (code, body) = await Wire.PatchAsync(Support + "?fieldManager=op", Config("  owner: owner@acme.example\n"), Apply);

        Assert.Equal(201, code);
        var entry = Assert.Single(body["metadata"]!["managedFields"]!.AsArray())!;
        Assert.Equal("op", entry["manager"]!.GetValue<string>());
        Assert.Equal("Apply", entry["operation"]!.GetValue<string>());
        Assert.Equal("""{"f:spec":{"f:owner":{}}}""", entry["fieldsV1"]!.ToJsonString(Unescaped));
    }

    [Fact]
    public async Task Should_NotBumpResourceVersion_When_SameConfigIsAppliedAgain()
    {
        var (_, first) = await Wire.PatchAsync(Support + "?fieldManager=op", Config("  owner: owner@acme.example\n  members: [a@acme.example]\n"), Apply);
        var mark = Server.Requests.Mark();

        var (code, second) = await Wire.PatchAsync(Support + "?fieldManager=op", Config("  owner: owner@acme.example\n  members: [a@acme.example]\n"), Apply);

        Assert.Equal(200, code);
        Assert.True(JsonNode.DeepEquals(first, second));
        Assert.Equal(0, Server.Requests.MutationsSince(mark));
    }

    [Fact]
    public async Task Should_AcceptJsonBody_When_ContentTypeIsApplyYaml()
    {
        var (code, body) = await Wire.PatchAsync(Support + "?fieldManager=op",
            """{"apiVersion":"safedrop.io/v1alpha1","kind":"Dropzone","metadata":{"name":"support"},"spec":{"owner":"owner@acme.example"}}""", Apply);

        Assert.Equal(201, code);
        Assert.Equal("owner@acme.example", body["spec"]!["owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Return409WithManagerAndField_When_ApplyChangesFieldOwnedByAnother()
    {
        await Wire.PatchAsync(Support + "?fieldManager=safedrop-operator", Config("  owner: owner@acme.example\n  members: [m1@acme.example]\n"), Apply);

        var (code, status) = await Wire.PatchAsync(Support + "?fieldManager=someone-else", Config("  owner: owner@acme.example\n  members: [x@acme.example]\n"), Apply);

        Assert.Equal(409, code);
        Assert.Equal("Conflict", status["reason"]!.GetValue<string>());
        Assert.Equal("Apply failed with 1 conflict: conflict with \"safedrop-operator\": .spec.members", status["message"]!.GetValue<string>());
        var cause = Assert.Single(status["details"]!["causes"]!.AsArray())!;
        Assert.Equal("FieldManagerConflict", cause["reason"]!.GetValue<string>());
        Assert.Equal("conflict with \"safedrop-operator\"", cause["message"]!.GetValue<string>());
        Assert.Equal(".spec.members", cause["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_TakeOwnership_When_ConflictingApplyIsForced()
    {
        await Wire.PatchAsync(Support + "?fieldManager=safedrop-operator", Config("  owner: owner@acme.example\n  members: [m1@acme.example]\n"), Apply);

        var (code, body) = await Wire.PatchAsync(Support + "?fieldManager=someone-else&force=true", Config("  owner: owner@acme.example\n  members: [x@acme.example]\n"), Apply);

        Assert.Equal(200, code);
        Assert.Equal("x@acme.example", body["spec"]!["members"]![0]!.GetValue<string>());
        var operatorFields = ManagedFieldsOf(body, "safedrop-operator");
        Assert.Equal("""{"f:spec":{"f:owner":{}}}""", operatorFields);
    }

    [Fact]
    public async Task Should_ShareOwnership_When_AnotherManagerAppliesSameValue()
    {
        await Wire.PatchAsync(Support + "?fieldManager=a", Config("  owner: owner@acme.example\n"), Apply);

        var (code, body) = await Wire.PatchAsync(Support + "?fieldManager=b", Config("  owner: owner@acme.example\n"), Apply);

        Assert.Equal(200, code);
        Assert.Equal("""{"f:spec":{"f:owner":{}}}""", ManagedFieldsOf(body, "a"));
        Assert.Equal("""{"f:spec":{"f:owner":{}}}""", ManagedFieldsOf(body, "b"));
    }

    [Fact]
    public async Task Should_RemoveField_When_ApplierOmitsFieldNobodyElseOwns()
    {
        await Wire.PatchAsync(Support + "?fieldManager=op", Config("  owner: owner@acme.example\n  members: [a@acme.example]\n"), Apply);

        var (_, body) = await Wire.PatchAsync(Support + "?fieldManager=op", Config("  owner: owner@acme.example\n"), Apply);

        Assert.Null(body["spec"]!["members"]);
    }

    [Fact]
    public async Task Should_KeepField_When_ApplierOmitsFieldAnotherManagerAlsoOwns()
    {
        await Wire.PatchAsync(Support + "?fieldManager=op", Config("  owner: owner@acme.example\n  members: [a@acme.example]\n"), Apply);
        await Wire.PatchAsync(Support + "?fieldManager=other", Config("  owner: owner@acme.example\n  members: [a@acme.example]\n"), Apply);

        var (_, body) = await Wire.PatchAsync(Support + "?fieldManager=op", Config("  owner: owner@acme.example\n"), Apply);

        Assert.Equal("a@acme.example", body["spec"]!["members"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_MergeMapListItemsByKey_When_TwoManagersApplyDifferentItems()
    {
        await Wire.PatchAsync(Support + "?fieldManager=a", Config("  owner: owner@acme.example\n  rules:\n  - name: x\n    limit: 1\n"), Apply);

        var (_, body) = await Wire.PatchAsync(Support + "?fieldManager=b", Config("  owner: owner@acme.example\n  rules:\n  - name: y\n    limit: 2\n"), Apply);

        Assert.Equal(["x", "y"], body["spec"]!["rules"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
        Assert.Equal("""{"f:spec":{"f:owner":{},"f:rules":{"k:{\"name\":\"x\"}":{".":{},"f:limit":{},"f:name":{}}}}}""", ManagedFieldsOf(body, "a"));
    }

    [Fact]
    public async Task Should_MergeSetItems_When_TwoManagersApplyDifferentValues()
    {
        await Wire.PatchAsync(Support + "?fieldManager=a", Config("  owner: owner@acme.example\n  tags: [red]\n"), Apply);

        var (_, body) = await Wire.PatchAsync(Support + "?fieldManager=b", Config("  owner: owner@acme.example\n  tags: [blue]\n"), Apply);

        Assert.Equal(["red", "blue"], body["spec"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("""{"f:spec":{"f:owner":{},"f:tags":{"v:\"blue\"":{}}}}""", ManagedFieldsOf(body, "b"));
    }

    [Fact]
    public async Task Should_Return422_When_ApplyHasNoFieldManager()
    {
        var (code, status) = await Wire.PatchAsync(Support, Config("  owner: owner@acme.example\n"), Apply);

        Assert.Equal(422, code);
        Assert.Equal("fieldManager", status["details"]!["causes"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_MergeContainersByName_When_DeploymentIsAppliedByTwoManagers()
    {
        const string deployments = "/apis/apps/v1/namespaces/demo/deployments";
        static string Deployment(string container) =>
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\""
            + container + "\",\"image\":\"" + container + ":1\"}]}}}}";
        await Wire.PatchAsync(deployments + "/web?fieldManager=a", Deployment("app"), Apply);

        var (_, body) = await Wire.PatchAsync(deployments + "/web?fieldManager=b", Deployment("sidecar"), Apply);

        Assert.Equal(["app", "sidecar"], body["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string ManagedFieldsOf(JsonObject body, string manager) =>
        body["metadata"]!["managedFields"]!.AsArray().Single(e => e!["manager"]!.GetValue<string>() == manager)!["fieldsV1"]!.ToJsonString(Unescaped);
}
