using Microsoft.Extensions.Options;
using Safedrop.Api.Caches;
using Safedrop.Api.Workflows;
using Safedrop.Api.Workflows.Events;
using Safedrop.Testing;

namespace Safedrop.Api.Tests.Workflows;

/// <summary>The consumer-group contract on a real redis-server; each test has its own stream key.</summary>
public sealed class RedisWorkflowEventStreamTests(RedisServer redis) : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string key = "test:workflow-events:" + Guid.NewGuid().ToString("N");
    private RedisKeyValueCache? cache;

    private RedisWorkflowEventStream Stream(TimeSpan claimIdle) =>
        new(cache ??= new RedisKeyValueCache(CacheNames.Session, redis.ConnectionString),
            Options.Create(new WorkflowEngineOptions { ClaimIdle = claimIdle, ReadWait = TimeSpan.Zero }), TimeProvider.System, key);

    private static WorkflowEventRef Ref(int i) => new($"event-{i}", "2026112313");

    [Fact]
    public async Task Should_Share_The_Entries_Without_Delivering_Any_Twice_When_Two_Consumers_Acknowledge()
    {
        var stream = Stream(TimeSpan.FromMinutes(5));
        for (var i = 0; i < 12; i++) await stream.AppendAsync(Ref(i), Ct);
        var seen = new Dictionary<string, List<string>> { ["a"] = [], ["b"] = [] };

        for (var round = 0; round < 3; round++)
        {
            foreach (var consumer in new[] { "a", "b" })
            {
                foreach (var delivery in await stream.ReadAsync(consumer, 2, Ct))
                {
                    seen[consumer].Add(delivery.Event.Id);
                    await stream.AcknowledgeAsync(delivery, Ct);
                }
            }
        }

        Assert.Equal(6, seen["a"].Count);
        Assert.Equal(6, seen["b"].Count);
        Assert.Empty(seen["a"].Intersect(seen["b"]));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"event-{i}").Order(), seen["a"].Concat(seen["b"]).Order());
        // Claiming everything pending at once finds nothing: acknowledged entries are never delivered again.
        Assert.Empty(await Stream(TimeSpan.Zero).ReadAsync("c", 100, Ct));
    }

    [Fact]
    public async Task Should_Hand_An_Unacknowledged_Entry_To_Another_Consumer_When_It_Stayed_Pending_Past_The_Timeout()
    {
        var stream = Stream(TimeSpan.FromMilliseconds(300));
        await stream.AppendAsync(Ref(1), Ct);
        var abandoned = Assert.Single(await stream.ReadAsync("crashed", 10, Ct));
        Assert.Empty(await stream.ReadAsync("survivor", 10, Ct));

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        IReadOnlyList<StreamDelivery> claimed;
        while ((claimed = await stream.ReadAsync("survivor", 10, deadline.Token)).Count == 0) await Task.Delay(50, deadline.Token);

        Assert.Equal(abandoned, Assert.Single(claimed));
        await stream.AcknowledgeAsync(claimed[0], Ct);
        Assert.Empty(await Stream(TimeSpan.Zero).ReadAsync("third", 10, Ct));
    }

    [Fact]
    public async Task Should_Create_The_Group_Again_When_Redis_Lost_It()
    {
        var stream = Stream(TimeSpan.FromMinutes(5));
        Assert.Empty(await stream.ReadAsync("a", 10, Ct));
        var db = await cache!.GetDatabaseAsync();
        await db.KeyDeleteAsync(key);

        await stream.AppendAsync(Ref(7), Ct);

        Assert.Equal("event-7", Assert.Single(await stream.ReadAsync("a", 10, Ct)).Event.Id);
    }

    [Fact]
    public async Task Should_Throw_Cache_Unavailable_When_Redis_Cannot_Be_Reached()
    {
        await using var unreachable = new RedisKeyValueCache(CacheNames.Session, $"127.0.0.1:{FreePort.Next()},connectTimeout=500");
        var stream = new RedisWorkflowEventStream(unreachable, Options.Create(new WorkflowEngineOptions()), TimeProvider.System, key);

        await Assert.ThrowsAsync<CacheUnavailableException>(() => stream.AppendAsync(Ref(1), Ct));
        await Assert.ThrowsAsync<CacheUnavailableException>(() => stream.ReadAsync("a", 1, Ct));
    }

    public async ValueTask DisposeAsync()
    {
        if (cache is null) return;
        await (await cache.GetDatabaseAsync()).KeyDeleteAsync(key);
        await cache.DisposeAsync();
    }
}
