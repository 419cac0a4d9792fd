using Safedrop.Testing;
using StackExchange.Redis;

namespace Safedrop.Api.Tests.Fixtures;

/// <summary>The shared redis-server answers StackExchange.Redis the way the PIN and session caches will use it.</summary>
public sealed class RedisServerTests(RedisServer redis)
{
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Should_Return_The_Value_When_It_Was_Set_With_An_Expiry()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var database = connection.GetDatabase();
        var key = UniqueKey();

        await database.StringSetAsync(key, "482913", TimeSpan.FromMinutes(5));

        Assert.Equal("482913", (string?)await database.StringGetAsync(key));
        var timeToLive = await database.KeyTimeToLiveAsync(key);
        Assert.NotNull(timeToLive);
        Assert.InRange(timeToLive.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Should_Forget_The_Value_When_Its_Expiry_Passes()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var database = connection.GetDatabase();
        var key = UniqueKey();
        // Redis announces each expiry on a keyevent channel: the test awaits that signal instead of sleeping.
        await connection.GetServers()[0].ConfigSetAsync("notify-keyspace-events", "Ex");
        var expired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = connection.GetSubscriber();
        await subscriber.SubscribeAsync(RedisChannel.Literal("__keyevent@0__:expired"), (_, message) =>
        {
            if (message == key) expired.TrySetResult();
        });

        await database.StringSetAsync(key, "482913", TimeSpan.FromMilliseconds(200));
        await expired.Task.WaitAsync(SignalTimeout, TestContext.Current.CancellationToken);

        Assert.False((await database.StringGetAsync(key)).HasValue);
    }

    [Fact]
    public async Task Should_Stop_Listening_When_Disposed()
    {
        var own = new RedisServer();
        await own.InitializeAsync();
        var connectionString = own.ConnectionString;
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(connectionString))
        {
            Assert.True(connection.IsConnected);
        }

        await own.DisposeAsync();

        await Assert.ThrowsAsync<RedisConnectionException>(
            () => ConnectionMultiplexer.ConnectAsync(connectionString + ",abortConnect=true,connectTimeout=2000"));
    }

    private static string UniqueKey() => "fixture:" + Guid.NewGuid().ToString("N");
}
