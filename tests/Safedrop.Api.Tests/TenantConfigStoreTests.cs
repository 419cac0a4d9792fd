using Safedrop.Api.Configuration;

namespace Safedrop.Api.Tests;

public class TenantConfigStoreTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public void Should_StartNotLoaded_When_NothingWasPublished()
    {
        var store = new TenantConfigStore();

        Assert.Same(TenantState.NotLoaded, store.Current);
        Assert.False(store.Current.IsServing);
    }

    [Fact]
    public async Task Should_CompleteChangeSignal_When_StateIsPublished()
    {
        var store = new TenantConfigStore();
        var changed = store.Changed;

        store.Publish(new TenantState { Namespace = "acme" });

        await changed.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        Assert.Equal("acme", store.Current.Namespace);
        Assert.Equal(1, store.Current.Sequence);
    }

    [Fact]
    public async Task Should_ReturnMatchingState_When_ItIsPublishedWhileWaiting()
    {
        var store = new TenantConfigStore();
        var waiting = store.WaitForAsync(s => s.Namespace == "globex", TestContext.Current.CancellationToken);

        store.Publish(new TenantState { Namespace = "acme" });
        Assert.False(waiting.IsCompleted);
        store.Publish(new TenantState { Namespace = "globex" });

        var state = await waiting.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        Assert.Equal(2, state.Sequence);
    }

    [Fact]
    public async Task Should_ReturnAtOnce_When_CurrentStateAlreadyMatches()
    {
        var store = new TenantConfigStore();
        store.Publish(new TenantState { Namespace = "acme" });

        var state = await store.WaitForAsync(s => s.Namespace == "acme", TestContext.Current.CancellationToken);

        Assert.Same(store.Current, state);
    }

    [Fact]
    public async Task Should_SeeOnlyWholeStates_When_ReadingWhilePublishing()
    {
        var store = new TenantConfigStore();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var torn = 0;
            while (!stop.IsCancellationRequested)
            {
                var state = store.Current;
                // Each published state's namespace names its own sequence number.
                if (state.Namespace is { } ns && ns != "ns-" + (state.Sequence - 1)) torn++;
            }

            return torn;
        }, TestContext.Current.CancellationToken);

        for (var i = 0; i < 10_000; i++) store.Publish(new TenantState { Namespace = "ns-" + i });
        await stop.CancelAsync();

        Assert.Equal(0, await reader);
    }
}
