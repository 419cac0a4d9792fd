using System.Text.Json.Nodes;

namespace Safedrop.Testing.Tests.FakeKube;

public sealed class ObjectLifecycleTests : FakeKubeTestBase
{
    [Fact]
    public async Task Should_SetServerMetadataAndDefaults_When_ObjectIsCreated()
    {
        var (code, body) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        Assert.Equal(201, code);
        var meta = body["metadata"]!.AsObject();
        Assert.False(string.IsNullOrEmpty(meta["uid"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(meta["resourceVersion"]?.GetValue<string>()));
        Assert.Equal(1, meta["generation"]!.GetValue<long>());
        Assert.NotNull(meta["creationTimestamp"]);
        Assert.Equal("curl", meta["managedFields"]![0]!["manager"]!.GetValue<string>());
        Assert.Equal("Update", meta["managedFields"]![0]!["operation"]!.GetValue<string>());
        Assert.False(body["spec"]!["senderDomainAccess"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_ReturnStoredObject_When_Got()
    {
        var (_, created) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        var (code, body) = await Wire.GetAsync(Fixtures.Dropzones + "/support");

        Assert.Equal(200, code);
        Assert.True(JsonNode.DeepEquals(created, body));
    }

    [Fact]
    public async Task Should_ListWithKindAndRevision_When_Listed()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("a"));
        var (_, last) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("b"));

        var (code, list) = await Wire.GetAsync(Fixtures.Dropzones);

        Assert.Equal(200, code);
        Assert.Equal("DropzoneList", list["kind"]!.GetValue<string>());
        Assert.Equal(2, list["items"]!.AsArray().Count);
        Assert.Equal(last["metadata"]!["resourceVersion"]!.GetValue<string>(), list["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_ListOnlyMatchingLabels_When_LabelSelectorIsGiven()
    {
        await Wire.PostAsync("/api/v1/namespaces/demo/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","labels":{"app":"x"}}}""");
        await Wire.PostAsync("/api/v1/namespaces/demo/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b","labels":{"app":"y"}}}""");

        var (_, list) = await Wire.GetAsync("/api/v1/namespaces/demo/configmaps?labelSelector=app%3Dx");

        Assert.Equal(["a"], list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_Return409AlreadyExists_When_NameIsTaken()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        var (code, status) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        Assert.Equal(409, code);
        Assert.Equal("AlreadyExists", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Return404NotFound_When_ObjectIsMissing()
    {
        var (code, status) = await Wire.GetAsync(Fixtures.Dropzones + "/nope");

        Assert.Equal(404, code);
        Assert.Equal("NotFound", status["reason"]!.GetValue<string>());
        Assert.Equal("dropzones.safedrop.io \"nope\" not found", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Return404_When_NamespaceDoesNotExist()
    {
        var (code, status) = await Wire.PostAsync("/apis/safedrop.io/v1alpha1/namespaces/ghost/dropzones", Fixtures.Dropzone("x"));

        Assert.Equal(404, code);
        Assert.Equal("namespaces \"ghost\" not found", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Return409Conflict_When_UpdateCarriesStaleResourceVersion()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        var (code, status) = await Wire.PutAsync(Fixtures.Dropzones + "/support",
            """{"apiVersion":"safedrop.io/v1alpha1","kind":"Dropzone","metadata":{"name":"support","resourceVersion":"1"},"spec":{"owner":"owner@acme.example"}}""");

        Assert.Equal(409, code);
        Assert.Equal("Conflict", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_BumpGenerationAndResourceVersion_When_SpecChanges()
    {
        var (_, created) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        var (code, patched) = await Wire.PatchAsync(Fixtures.Dropzones + "/support", """{"spec":{"senderDomainAccess":true}}""", "application/merge-patch+json");

        Assert.Equal(200, code);
        Assert.Equal(2, patched["metadata"]!["generation"]!.GetValue<long>());
        Assert.NotEqual(created["metadata"]!["resourceVersion"]!.GetValue<string>(), patched["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_KeepGeneration_When_OnlyLabelsChange()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        var (_, patched) = await Wire.PatchAsync(Fixtures.Dropzones + "/support", """{"metadata":{"labels":{"a":"b"}}}""", "application/merge-patch+json");

        Assert.Equal(1, patched["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Should_NotWrite_When_PatchChangesNothing()
    {
        var (_, created) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));
        var mark = Server.Requests.Mark();

        var (_, patched) = await Wire.PatchAsync(Fixtures.Dropzones + "/support", """{"spec":{"senderDomainAccess":false}}""", "application/merge-patch+json");

        Assert.Equal(created["metadata"]!["resourceVersion"]!.GetValue<string>(), patched["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(0, Server.Requests.MutationsSince(mark));
        Assert.Equal(1, Server.Requests.WritesSince(mark));
    }

    [Fact]
    public async Task Should_RemoveFinalizerFromManagedFields_When_JsonPatchRemovesFinalizers()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support", finalizers: "safedrop.io/retain-data"));

        var (code, patched) = await Wire.PatchAsync(Fixtures.Dropzones + "/support", """[{"op":"remove","path":"/metadata/finalizers"}]""", "application/json-patch+json");

        Assert.Equal(200, code);
        Assert.Null(patched["metadata"]!["finalizers"]);
        Assert.Null(patched["metadata"]!["managedFields"]![0]!["fieldsV1"]!["f:metadata"]);
    }
}
