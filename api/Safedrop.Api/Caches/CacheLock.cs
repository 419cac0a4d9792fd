using System.Security.Cryptography;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Caches;

/// <summary>
/// A lock across API replicas: a key in a cache set only when absent, holding a random owner token, expiring
/// so a dead holder frees it, released only by its owner (<see cref="IKeyValueCache.DeleteIfEqualAsync"/>).
/// Waiting retries with jittered exponential backoff.
/// </summary>
public sealed class CacheLock(IKeyValueCache cache)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromMilliseconds(100);

    /// <param name="what">What the lock guards, for the message when it stays taken.</param>
    /// <exception cref="StorageUnavailableException">The lock stayed taken for <paramref name="waitTimeout"/>: nothing can change now (503, retry).</exception>
    public async Task<CacheLease> AcquireAsync(string key, TimeSpan timeToLive, TimeSpan waitTimeout, string what, CancellationToken cancellationToken)
    {
        var token = RandomNumberGenerator.GetBytes(16);
        // The cache expires keys on its own (real) clock, so waiting is measured in real time too.
        var started = TimeProvider.System.GetTimestamp();
        var backoff = FirstBackoff;
        while (!await cache.SetIfAbsentAsync(key, token, timeToLive, cancellationToken))
        {
            if (TimeProvider.System.GetElapsedTime(started) > waitTimeout)
                throw new StorageUnavailableException($"{what} stayed locked for {waitTimeout}.");
            // Full jitter: replicas that collide do not retry in step.
            await Task.Delay(TimeSpan.FromTicks(Random.Shared.NextInt64(backoff.Ticks / 2, backoff.Ticks + 1)), TimeProvider.System, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestBackoff.Ticks));
        }
        return new CacheLease(cache, key, token, timeToLive, what);
    }
}

/// <summary>A held <see cref="CacheLock"/>. Dispose releases it (only if still ours).</summary>
public sealed class CacheLease(IKeyValueCache cache, string key, byte[] token, TimeSpan timeToLive, string what) : IAsyncDisposable
{
    /// <summary>
    /// Confirms the lock is still ours and restarts its expiry, before a write that must not race another
    /// replica. The check and the extension are two calls; the gap between them is milliseconds against an
    /// expiry of seconds, and every write under the lease is bounded well below the expiry.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The lock expired or was taken: nothing may be written.</exception>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        var holder = await cache.GetAsync(key, cancellationToken);
        if (holder is null || !holder.AsSpan().SequenceEqual(token) || !await cache.ExpireAsync(key, timeToLive, cancellationToken))
            throw new StorageUnavailableException($"The lock of {what} was lost before the write; nothing was written.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await cache.DeleteIfEqualAsync(key, token, CancellationToken.None);
        }
        catch (CacheUnavailableException)
        {
            // The key expires on its own; the next holder waits at most its time to live.
        }
    }
}
