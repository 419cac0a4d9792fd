using System.Security.Cryptography;
using Safedrop.Api.Caches;
using Safedrop.Api.Packages;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Workspaces;

/// <summary>
/// Serializes changes across API replicas: to one Workspace's tree and quota usage (<see cref="AcquireAsync"/>),
/// or to one share record of it (<see cref="AcquireShareAsync"/>, so that an admin's approval and a CoOwner's
/// revocation racing each other never bring a revoked share back). A key in the session cache set only when
/// absent, holding a random owner token, expiring so a dead holder frees it (as the audit log's append lock does).
/// Held only for small writes, never while file bytes stream.
/// </summary>
public sealed class WorkspaceLock(IKeyValueCache cache)
{
    /// <summary>Expiry of a held lock: far above the few small writes done under it.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    /// <summary>How long a change waits for the lock before its caller gets a 503.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromMilliseconds(100);

    public static string Key(string workspace) => $"workspace:{workspace}:lock";

    /// <summary>The key of one share's lock; the address is hashed, so no e-mail address is a cache key.</summary>
    public static string ShareKey(string workspace, string email) => $"share:{workspace}:{PackageStore.AddressKey(email)}:lock";

    /// <summary>The lock of a Workspace's tree and quota usage.</summary>
    /// <exception cref="StorageUnavailableException">The lock stayed taken: nothing can change now.</exception>
    public Task<IAsyncDisposable> AcquireAsync(string workspace, CancellationToken cancellationToken) =>
        AcquireKeyAsync(Key(workspace), $"Workspace {workspace}", cancellationToken);

    /// <summary>The lock of the share of <paramref name="workspace"/> with <paramref name="email"/>; independent of the tree's.</summary>
    /// <exception cref="StorageUnavailableException">The lock stayed taken: the share cannot change now (503, retry).</exception>
    public Task<IAsyncDisposable> AcquireShareAsync(string workspace, string email, CancellationToken cancellationToken) =>
        AcquireKeyAsync(ShareKey(workspace, email), $"A share of Workspace {workspace}", cancellationToken);

    private async Task<IAsyncDisposable> AcquireKeyAsync(string key, string what, CancellationToken cancellationToken)
    {
        var token = RandomNumberGenerator.GetBytes(16);
        // The cache expires keys on its own (real) clock, so waiting is measured in real time too.
        var started = TimeProvider.System.GetTimestamp();
        var backoff = FirstBackoff;
        while (!await cache.SetIfAbsentAsync(key, token, TimeToLive, cancellationToken))
        {
            if (TimeProvider.System.GetElapsedTime(started) > WaitTimeout)
                throw new StorageUnavailableException($"{what} stayed locked for {WaitTimeout}.");
            // Full jitter: replicas that collide do not retry in step.
            await Task.Delay(TimeSpan.FromTicks(Random.Shared.NextInt64(backoff.Ticks / 2, backoff.Ticks + 1)), TimeProvider.System, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestBackoff.Ticks));
        }
        return new Lease(cache, key, token);
    }

    private sealed class Lease(IKeyValueCache cache, string key, byte[] token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await cache.DeleteIfEqualAsync(key, token, CancellationToken.None);
            }
            catch (CacheUnavailableException)
            {
                // The key expires on its own; the next change waits at most its time to live.
            }
        }
    }
}
