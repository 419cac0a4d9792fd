using Safedrop.Testing.FakeKube;

namespace Safedrop.Testing.Tests.FakeKube;

public sealed class WatchTests : FakeKubeTestBase
{
    protected override FakeKubeOptions Options => new() { BookmarkInterval = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task Should_StreamChangesAfterResourceVersion_When_WatchingFromIt()
    {
        var (_, created) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support", finalizers: "safedrop.io/retain-data"));
        var from = created["metadata"]!["resourceVersion"]!.GetValue<string>();
        await Wire.PatchAsync(Fixtures.Dropzones + "/support", """{"spec":{"senderDomainAccess":true}}""", "application/merge-patch+json");
        await Wire.DeleteAsync(Fixtures.Dropzones + "/support");
        await Wire.PatchAsync(Fixtures.Dropzones + "/support", """[{"op":"remove","path":"/metadata/finalizers"}]""", "application/json-patch+json");

        var events = await Wire.WatchAsync($"{Fixtures.Dropzones}?watch=1&resourceVersion={from}&timeoutSeconds=1");

        Assert.Equal(["MODIFIED", "MODIFIED", "DELETED"], events.Select(e => e["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_StartWithAddedForEachObject_When_WatchingWithoutResourceVersion()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("a"));
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("b"));

        var events = await Wire.WatchAsync($"{Fixtures.Dropzones}?watch=true&timeoutSeconds=1");

        Assert.Equal(["ADDED", "ADDED"], events.Select(e => e["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_SendOneExpiredErrorEvent_When_ResourceVersionIsTooOld()
    {
        var events = await Wire.WatchAsync($"{Fixtures.Dropzones}?watch=1&resourceVersion=1&timeoutSeconds=1");

        var only = Assert.Single(events);
        Assert.Equal("ERROR", only["type"]!.GetValue<string>());
        Assert.Equal(410, only["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", only["object"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_SendExpired_When_HistoryWasCompactedPastResourceVersion()
    {
        var (_, created) = await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("support"));
        await Wire.PatchAsync(Fixtures.Dropzones + "/support", """{"spec":{"senderDomainAccess":true}}""", "application/merge-patch+json");
        Server.CompactHistory();

        var events = await Wire.WatchAsync($"{Fixtures.Dropzones}?watch=1&resourceVersion={created["metadata"]!["resourceVersion"]}&timeoutSeconds=1");

        Assert.Equal("ERROR", Assert.Single(events)["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_SendExpired_When_ChangesFellOutOfTheRetainedWindow()
    {
        await using var small = await FakeKubeServer.StartAsync(new FakeKubeOptions { WatchHistoryCapacity = 2 }, TestContext.Current.CancellationToken);
        using var wire = new WireClient(small);
        var (_, ns) = await wire.PostAsync("/api/v1/namespaces", Fixtures.Namespace);
        for (var i = 0; i < 3; i++) await wire.PostAsync("/api/v1/namespaces/demo/configmaps", "{\"metadata\":{\"name\":\"c" + i + "\"}}");

        var events = await wire.WatchAsync($"/api/v1/namespaces/demo/configmaps?watch=1&resourceVersion={ns["metadata"]!["resourceVersion"]}&timeoutSeconds=1");

        Assert.Equal("ERROR", Assert.Single(events)["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_SendBookmarks_When_AllowedAndIdle()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("a"));

        var events = await Wire.WatchAsync($"{Fixtures.Dropzones}?watch=1&allowWatchBookmarks=true&timeoutSeconds=1");

        Assert.Equal("ADDED", events[0]["type"]!.GetValue<string>());
        var bookmark = events.First(e => e["type"]!.GetValue<string>() == "BOOKMARK");
        Assert.Equal(Server.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), bookmark["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_DeliverLiveChanges_When_WatchIsOpen()
    {
        var watching = Wire.WatchAsync($"{Fixtures.Dropzones}?watch=1&resourceVersion={Server.Revision}&timeoutSeconds=2");
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("live"));

        var events = await watching;

        Assert.Equal("ADDED", Assert.Single(events)["type"]!.GetValue<string>());
    }
}
