namespace Safedrop.Api.Caches;

/// <summary>
/// The few operations PINs, sessions, rate limits and locks need from a cache: Redis in a cluster
/// (StackExchange.Redis), memory in local mode. Two instances exist, keyed by <see cref="CacheNames"/>:
/// the PIN cache and the session cache. Nothing durable lives here: losing it signs people out and voids PINs.
/// Every failure to reach the cache surfaces as <see cref="CacheUnavailableException"/>.
/// </summary>
public interface IKeyValueCache
{
    Task SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>Sets only when the key is absent (a lock or a first writer); true when it was set.</summary>
    Task<bool> SetIfAbsentAsync(string key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken);

    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>True only for the one caller that removed an existing key: single use under concurrency.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the key only while it still holds <paramref name="expected"/> (releasing one's own lock).</summary>
    Task<bool> DeleteIfEqualAsync(string key, ReadOnlyMemory<byte> expected, CancellationToken cancellationToken);

    /// <summary>Adds one to a counter and returns the new value; a new counter expires after <paramref name="window"/>.</summary>
    Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Moves an existing key's expiry (sliding idle timeouts); false when the key is gone.</summary>
    Task<bool> ExpireAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>Round trip for readiness.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}

public static class CacheNames
{
    public const string Pin = "pin";
    public const string Session = "session";
}
