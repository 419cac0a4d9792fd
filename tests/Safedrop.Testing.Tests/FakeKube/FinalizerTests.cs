namespace Safedrop.Testing.Tests.FakeKube;

public sealed class FinalizerTests : FakeKubeTestBase
{
    private const string Support = Fixtures.Dropzones + "/support";

    [Fact]
    public async Task Should_MarkForDeletionAndKeep_When_ObjectWithFinalizerIsDeleted()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support", finalizers: "safedrop.io/retain-data"));

        var (code, body) = await Wire.DeleteAsync(Support);

        Assert.Equal(200, code);
        Assert.NotNull(body["metadata"]!["deletionTimestamp"]);
        Assert.Equal(2, body["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(200, (await Wire.GetAsync(Support)).Code);
    }

    [Fact]
    public async Task Should_DeleteObject_When_LastFinalizerIsRemoved()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support", finalizers: "safedrop.io/retain-data"));
        var (_, deleting) = await Wire.DeleteAsync(Support);

        var (code, body) = await Wire.PatchAsync(Support, """[{"op":"remove","path":"/metadata/finalizers"}]""", "application/json-patch+json");

        Assert.Equal(200, code);
        Assert.Equal(deleting["metadata"]!["resourceVersion"]!.GetValue<string>(), body["metadata"]!["resourceVersion"]!.GetValue<string>());
        var (after, status) = await Wire.GetAsync(Support);
        Assert.Equal(404, after);
        Assert.Equal("NotFound", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_DeleteAtOnce_When_ObjectHasNoFinalizers()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        var (code, _) = await Wire.DeleteAsync(Support);

        Assert.Equal(200, code);
        Assert.Equal(404, (await Wire.GetAsync(Support)).Code);
    }

    [Fact]
    public async Task Should_ReturnSuccessStatus_When_BuiltInObjectIsDeleted()
    {
        await Wire.PostAsync("/api/v1/namespaces/demo/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}""");

        var (code, body) = await Wire.DeleteAsync("/api/v1/namespaces/demo/configmaps/c");

        Assert.Equal(200, code);
        Assert.Equal("Success", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Refuse_When_FinalizerIsAddedDuringDeletion()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support", finalizers: "a.example/x"));
        await Wire.DeleteAsync(Support);

        var (code, status) = await Wire.PatchAsync(Support, """{"metadata":{"finalizers":["a.example/x","b.example/y"]}}""", "application/merge-patch+json");

        Assert.Equal(422, code);
        Assert.Equal("metadata.finalizers", status["details"]!["causes"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_RemoveItsObjects_When_NamespaceIsDeleted()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support", finalizers: "safedrop.io/retain-data"));

        await Wire.DeleteAsync("/api/v1/namespaces/demo");

        Assert.Equal(404, (await Wire.GetAsync("/api/v1/namespaces/demo")).Code);
        Assert.Equal(404, (await Wire.GetAsync(Support)).Code);
    }
}
