using StackExchange.Redis;

namespace Safedrop.Api.Caches;

/// <summary>
/// The cache on Redis (cluster mode). Connects lazily and fails fast while Redis is unreachable, so a request
/// gets a 503 at once instead of waiting in a backlog; every Redis failure becomes <see cref="CacheUnavailableException"/>.
/// Operations that must be atomic across replicas run as one command or one Lua script.
/// </summary>
public sealed class RedisKeyValueCache : IKeyValueCache, IAsyncDisposable
{
    // INCR creates a missing counter at 1; only that first increment starts the window, so it never slides.
    private const string IncrementScript = """
        local value = redis.call('INCR', KEYS[1])
        if value == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return value
        """;

    private const string DeleteIfEqualScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly string name;
    private readonly ConfigurationOptions options;
    private readonly SemaphoreSlim connectLock = new(1, 1);
    private ConnectionMultiplexer? connection;

    public RedisKeyValueCache(string name, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        this.name = name;
        options = ConfigurationOptions.Parse(connectionString);
        // Keep retrying in the background instead of failing start-up; commands meanwhile fail at once.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "safedrop-api-" + name;
    }

    public Task SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        RunAsync(db => db.StringSetAsync(key, value, timeToLive));

    public Task<bool> SetIfAbsentAsync(string key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        RunAsync(db => db.StringSetAsync(key, value, timeToLive, When.NotExists));

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(async db => (byte[]?)await db.StringGetAsync(key));

    // DEL answers how many keys it removed; Redis runs commands one at a time, so only one caller sees 1.
    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(db => db.KeyDeleteAsync(key));

    public Task<bool> DeleteIfEqualAsync(string key, ReadOnlyMemory<byte> expected, CancellationToken cancellationToken) =>
        RunAsync(async db => (long)await db.ScriptEvaluateAsync(DeleteIfEqualScript, [key], [expected]) == 1);

    public Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken) =>
        RunAsync(async db => (long)await db.ScriptEvaluateAsync(IncrementScript, [key], [(long)Math.Ceiling(window.TotalMilliseconds)]));

    public Task<bool> ExpireAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        RunAsync(db => db.KeyExpireAsync(key, timeToLive));

    public Task PingAsync(CancellationToken cancellationToken) => RunAsync(db => db.PingAsync());

    /// <summary>
    /// This cache's Redis for another feature that lives on it (the workflow event stream), so a replica keeps one
    /// connection per Redis. Connecting fails as <see cref="CacheUnavailableException"/>.
    /// </summary>
    public async Task<IDatabase> GetDatabaseAsync()
    {
        try
        {
            return (await ConnectAsync()).GetDatabase();
        }
        catch (RedisException e)
        {
            throw new CacheUnavailableException($"The {name} cache (Redis) is unavailable: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null) await connection.DisposeAsync();
        connectLock.Dispose();
    }

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command)
    {
        try
        {
            var database = (await ConnectAsync()).GetDatabase();
            return await command(database);
        }
        catch (RedisException e)
        {
            throw new CacheUnavailableException($"The {name} cache (Redis) is unavailable: {e.Message}", e);
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        if (connection is { } existing) return existing;
        await connectLock.WaitAsync();
        try
        {
            return connection ??= await ConnectionMultiplexer.ConnectAsync(options);
        }
        finally
        {
            connectLock.Release();
        }
    }
}
