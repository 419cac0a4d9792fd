namespace Safedrop.Testing.Tests.FakeKube;

public sealed class RequestLogTests : FakeKubeTestBase
{
    [Fact]
    public async Task Should_RecordVerbResourceAndManager_When_RequestIsServed()
    {
        var mark = Server.Requests.Mark();

        await Wire.PatchAsync(Fixtures.Dropzones + "/support?fieldManager=op",
            """{"apiVersion":"safedrop.io/v1alpha1","kind":"Dropzone","metadata":{"name":"support"},"spec":{"owner":"o@acme.example"}}""",
            "application/apply-patch+yaml");

        var entry = Assert.Single(Server.Requests.Since(mark));
        Assert.Equal(("patch", "safedrop.io", "dropzones", "demo", "support", "op", 201, true),
            (entry.Verb, entry.Group, entry.Resource, entry.Namespace, entry.Name, entry.FieldManager, entry.StatusCode, entry.Mutated));
        Assert.True(entry.IsWrite);
    }

    [Fact]
    public async Task Should_CountNoWrites_When_OnlyReading()
    {
        var mark = Server.Requests.Mark();

        await Wire.GetAsync(Fixtures.Dropzones);
        await Wire.GetAsync(Fixtures.Dropzones + "/missing");

        Assert.Equal(0, Server.Requests.WritesSince(mark));
        Assert.Equal(2, Server.Requests.Since(mark).Count);
    }

    [Fact]
    public async Task Should_CompleteWait_When_MatchingRequestArrives()
    {
        var waiting = Server.Requests.WaitForAsync(r => r.Verb == "create" && r.Name == null && r.Resource == "configmaps", TestContext.Current.CancellationToken);

        await Wire.PostAsync("/api/v1/namespaces/demo/configmaps", """{"metadata":{"name":"c"}}""");

        var entry = await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(201, entry.StatusCode);
    }
}
