using Safedrop.Api.Caches;
using StackExchange.Redis;

namespace Safedrop.Api.Tests.Audit;

/// <summary>
/// The lock operations of <see cref="IKeyValueCache"/> over a real redis-server, so the two-replica test also
/// runs against Redis semantics without waiting for the caches helper's adapter. Only what the lock uses.
/// </summary>
internal sealed class RedisLockCache(IDatabase database) : IKeyValueCache
{
    // Compare-and-delete in one step, as a lock release must be.
    private const string DeleteIfEqualScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    public Task<bool> SetIfAbsentAsync(string key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        database.StringSetAsync(key, value, timeToLive, When.NotExists);

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        (byte[]?)await database.StringGetAsync(key);

    public async Task<bool> DeleteIfEqualAsync(string key, ReadOnlyMemory<byte> expected, CancellationToken cancellationToken) =>
        (long)await database.ScriptEvaluateAsync(DeleteIfEqualScript, [key], [expected]) == 1;

    public Task<bool> ExpireAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        database.KeyExpireAsync(key, timeToLive);

    public Task SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task PingAsync(CancellationToken cancellationToken) => database.PingAsync();
}
