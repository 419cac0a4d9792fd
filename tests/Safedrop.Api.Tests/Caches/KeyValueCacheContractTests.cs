using System.Text;
using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Caches;
using Safedrop.Testing;

namespace Safedrop.Api.Tests.Caches;

/// <summary>What PINs, sessions and rate limits rely on, checked against every <see cref="IKeyValueCache"/>.</summary>
public abstract class KeyValueCacheContractTests
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IKeyValueCache Cache { get; }

    protected static string UniqueKey() => "contract:" + Guid.NewGuid().ToString("N");

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Should_Return_The_Value_When_It_Was_Set()
    {
        var key = UniqueKey();
        await Cache.SetAsync(key, Bytes("one"), TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(Bytes("one"), await Cache.GetAsync(key, Ct));
        Assert.Null(await Cache.GetAsync(UniqueKey(), Ct));
    }

    [Fact]
    public async Task Should_Set_Only_The_First_Time_When_Set_If_Absent()
    {
        var key = UniqueKey();

        Assert.True(await Cache.SetIfAbsentAsync(key, Bytes("first"), TimeSpan.FromMinutes(1), Ct));
        Assert.False(await Cache.SetIfAbsentAsync(key, Bytes("second"), TimeSpan.FromMinutes(1), Ct));
        Assert.Equal(Bytes("first"), await Cache.GetAsync(key, Ct));
    }

    [Fact]
    public async Task Should_Report_Deletion_To_One_Caller_Only_When_Deleted_Concurrently()
    {
        var key = UniqueKey();
        await Cache.SetAsync(key, Bytes("pin"), TimeSpan.FromMinutes(1), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Cache.DeleteAsync(key, Ct)));

        Assert.Single(results, r => r);
        Assert.Null(await Cache.GetAsync(key, Ct));
    }

    [Fact]
    public async Task Should_Delete_Only_While_The_Value_Is_Unchanged_When_Delete_If_Equal()
    {
        var key = UniqueKey();
        await Cache.SetAsync(key, Bytes("mine"), TimeSpan.FromMinutes(1), Ct);

        Assert.False(await Cache.DeleteIfEqualAsync(key, Bytes("theirs"), Ct));
        Assert.Equal(Bytes("mine"), await Cache.GetAsync(key, Ct));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Cache.DeleteIfEqualAsync(key, Bytes("mine"), Ct)));
        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Should_Count_Every_Increment_When_Incremented_Concurrently()
    {
        var key = UniqueKey();

        var values = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Cache.IncrementAsync(key, TimeSpan.FromMinutes(1), Ct)));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), values.Order());
        Assert.Equal(Bytes("20"), await Cache.GetAsync(key, Ct));
    }

    [Fact]
    public async Task Should_Report_False_When_Expiring_A_Missing_Key()
    {
        var key = UniqueKey();
        Assert.False(await Cache.ExpireAsync(key, TimeSpan.FromMinutes(1), Ct));
        await Cache.SetAsync(key, Bytes("x"), TimeSpan.FromMinutes(1), Ct);
        Assert.True(await Cache.ExpireAsync(key, TimeSpan.FromMinutes(5), Ct));
    }

    [Fact]
    public async Task Should_Answer_A_Ping()
    {
        await Cache.PingAsync(Ct);
    }
}

public sealed class MemoryKeyValueCacheTests : KeyValueCacheContractTests
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly MemoryKeyValueCache cache;

    public MemoryKeyValueCacheTests() => cache = new MemoryKeyValueCache(time);

    protected override IKeyValueCache Cache => cache;

    [Fact]
    public async Task Should_Forget_The_Value_When_Its_Time_To_Live_Passes()
    {
        var key = UniqueKey();
        await cache.SetAsync(key, "x"u8.ToArray(), TimeSpan.FromMinutes(1), Ct);

        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(await cache.GetAsync(key, Ct));
    }

    [Fact]
    public async Task Should_Keep_The_Counter_Window_When_Incremented_Again()
    {
        var key = UniqueKey();
        await cache.IncrementAsync(key, TimeSpan.FromMinutes(1), Ct);
        time.Advance(TimeSpan.FromSeconds(50));
        await cache.IncrementAsync(key, TimeSpan.FromMinutes(1), Ct);

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await cache.IncrementAsync(key, TimeSpan.FromMinutes(1), Ct));
    }

    [Fact]
    public async Task Should_Move_The_Expiry_When_Expire_Is_Called()
    {
        var key = UniqueKey();
        await cache.SetAsync(key, "x"u8.ToArray(), TimeSpan.FromMinutes(1), Ct);
        await cache.ExpireAsync(key, TimeSpan.FromMinutes(10), Ct);

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.NotNull(await cache.GetAsync(key, Ct));
    }
}

public sealed class RedisKeyValueCacheTests(RedisServer redis) : KeyValueCacheContractTests, IAsyncDisposable
{
    private RedisKeyValueCache? cache;

    protected override IKeyValueCache Cache => cache ??= new RedisKeyValueCache("pin", redis.ConnectionString);

    [Fact]
    public async Task Should_Set_The_Window_As_Time_To_Live_When_A_Counter_Starts()
    {
        var key = UniqueKey();
        await Cache.IncrementAsync(key, TimeSpan.FromMinutes(2), Ct);
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(key);

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(100), TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Should_Throw_Cache_Unavailable_When_Redis_Cannot_Be_Reached()
    {
        await using var unreachable = new RedisKeyValueCache("pin", $"127.0.0.1:{FreePort.Next()},connectTimeout=500");

        await Assert.ThrowsAsync<CacheUnavailableException>(() => unreachable.PingAsync(Ct));
        var health = await new CacheHealthCheck(unreachable, "pin").CheckHealthAsync(new(), Ct);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, health.Status);
    }

    public async ValueTask DisposeAsync()
    {
        if (cache is not null) await cache.DisposeAsync();
    }
}
