namespace Safedrop.Testing.Tests.FakeKube;

public sealed class StatusSubresourceTests : FakeKubeTestBase
{
    private const string Support = Fixtures.Dropzones + "/support";
    private const string StatusPatch = """{"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"True"}]}}""";

    [Fact]
    public async Task Should_ChangeStatusWithoutBumpingGeneration_When_StatusIsPatched()
    {
        var (_, created) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        var (code, body) = await Wire.PatchAsync(Support + "/status", StatusPatch, "application/merge-patch+json");

        Assert.Equal(200, code);
        Assert.Equal(1, body["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(1, body["status"]!["observedGeneration"]!.GetValue<long>());
        Assert.NotEqual(created["metadata"]!["resourceVersion"]!.GetValue<string>(), body["metadata"]!["resourceVersion"]!.GetValue<string>());
        var entry = body["metadata"]!["managedFields"]!.AsArray().Single(e => e!["subresource"]?.GetValue<string>() == "status")!;
        Assert.Equal("Update", entry["operation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_IgnoreSpecChanges_When_WrittenThroughStatus()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        var (_, body) = await Wire.PatchAsync(Support + "/status", """{"spec":{"senderDomainAccess":true},"status":{"observedGeneration":1}}""", "application/merge-patch+json");

        Assert.False(body["spec"]!["senderDomainAccess"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_IgnoreStatus_When_MainResourceIsPatched()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        var (_, body) = await Wire.PatchAsync(Support, StatusPatch, "application/merge-patch+json");

        Assert.Null(body["status"]);
    }

    [Fact]
    public async Task Should_DropStatus_When_ObjectIsCreated()
    {
        var (_, body) = await Wire.PostAsync(Fixtures.Dropzones,
            """{"apiVersion":"safedrop.io/v1alpha1","kind":"Dropzone","metadata":{"name":"support"},"spec":{"owner":"o@acme.example"},"status":{"observedGeneration":9}}""");

        Assert.Null(body["status"]);
    }

    [Fact]
    public async Task Should_RecordApplyOnStatus_When_StatusIsServerSideApplied()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));

        var (code, body) = await Wire.PatchAsync(Support + "/status?fieldManager=op&force=true",
            """{"apiVersion":"safedrop.io/v1alpha1","kind":"Dropzone","metadata":{"name":"support"},"status":{"observedGeneration":1}}""", "application/apply-patch+yaml");

        Assert.Equal(200, code);
        var entry = body["metadata"]!["managedFields"]!.AsArray().Single(e => e!["manager"]!.GetValue<string>() == "op")!;
        Assert.Equal("Apply", entry["operation"]!.GetValue<string>());
        Assert.Equal("status", entry["subresource"]!.GetValue<string>());
        Assert.Equal(1, body["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Should_NotWrite_When_StatusIsUnchanged()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));
        var (_, first) = await Wire.PatchAsync(Support + "/status", StatusPatch, "application/merge-patch+json");

        var (_, second) = await Wire.PatchAsync(Support + "/status", StatusPatch, "application/merge-patch+json");

        Assert.Equal(first["metadata"]!["resourceVersion"]!.GetValue<string>(), second["metadata"]!["resourceVersion"]!.GetValue<string>());
    }
}
