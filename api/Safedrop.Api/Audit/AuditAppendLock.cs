using System.Security.Cryptography;
using Safedrop.Api.Caches;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Audit;

/// <summary>
/// The lock that serializes appends across API replicas: a key in the session cache set only when absent,
/// holding a random owner token, with an expiry so a dead holder frees it. Released only by its owner
/// (<see cref="IKeyValueCache.DeleteIfEqualAsync"/>).
/// </summary>
public sealed class AuditAppendLock(IKeyValueCache cache, AuditOptions options)
{
    public const string Key = "audit:append-lock";
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits for the lock up to <see cref="AuditOptions.LockWaitTimeout"/>, retrying with jittered backoff.</summary>
    /// <exception cref="StorageUnavailableException">The lock stayed taken: the audit log cannot be appended now.</exception>
    public async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        var token = RandomNumberGenerator.GetBytes(16);
        // The cache expires the key on its own (real) clock, so waiting is measured in real time too.
        var started = TimeProvider.System.GetTimestamp();
        var backoff = FirstBackoff;
        while (!await cache.SetIfAbsentAsync(Key, token, options.LockTimeToLive, cancellationToken))
        {
            if (TimeProvider.System.GetElapsedTime(started) > options.LockWaitTimeout)
                throw new StorageUnavailableException($"The audit log's append lock stayed taken for {options.LockWaitTimeout}.");
            // Full jitter: replicas that collide do not retry in step.
            var delay = TimeSpan.FromTicks(Random.Shared.NextInt64(backoff.Ticks / 2, backoff.Ticks + 1));
            await Task.Delay(delay, TimeProvider.System, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestBackoff.Ticks));
        }

        return new Lease(cache, token, options.LockTimeToLive);
    }

    /// <summary>A held lock. Dispose releases it (only if still ours).</summary>
    public sealed class Lease(IKeyValueCache cache, byte[] token, TimeSpan timeToLive) : IAsyncDisposable
    {
        /// <summary>
        /// Confirms the lock is still ours and restarts its expiry, before a write that must not race another
        /// replica. The check and the extension are two calls; the gap between them is milliseconds against an
        /// expiry of seconds, and every write under the lease is bounded well below the expiry.
        /// </summary>
        /// <exception cref="StorageUnavailableException">The lock expired or was taken: nothing may be written.</exception>
        public async Task RenewAsync(CancellationToken cancellationToken)
        {
            var holder = await cache.GetAsync(Key, cancellationToken);
            if (holder is null || !holder.AsSpan().SequenceEqual(token) || !await cache.ExpireAsync(Key, timeToLive, cancellationToken))
                throw new StorageUnavailableException("The audit log's append lock was lost before the write; nothing was written.");
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await cache.DeleteIfEqualAsync(Key, token, CancellationToken.None);
            }
            catch (CacheUnavailableException)
            {
                // The key expires on its own; another replica waits at most its time to live.
            }
        }
    }
}
