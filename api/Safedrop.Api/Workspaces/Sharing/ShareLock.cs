using System.Security.Cryptography;
using Safedrop.Api.Caches;
using Safedrop.Api.Packages;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// Serializes the read-change-write of one share record across API replicas, so that an admin's approval and a
/// CoOwner's revocation racing each other can never bring a revoked share back. A key in the session cache set
/// only when absent, with a random owner token, expiring so a dead holder frees it. Held for one small write.
/// </summary>
public sealed class ShareLock([FromKeyedServices(CacheNames.Session)] IKeyValueCache cache)
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(5);

    /// <exception cref="StorageUnavailableException">The lock stayed taken: the share cannot change now (503, retry).</exception>
    public async Task<IAsyncDisposable> AcquireAsync(string workspace, string email, CancellationToken cancellationToken)
    {
        var key = $"share:{workspace}:{PackageStore.AddressKey(email)}:lock";
        var token = RandomNumberGenerator.GetBytes(16);
        // The cache expires keys on its own (real) clock, so the wait is measured in real time too.
        var started = TimeProvider.System.GetTimestamp();
        var backoff = TimeSpan.FromMilliseconds(2);
        while (!await cache.SetIfAbsentAsync(key, token, TimeToLive, cancellationToken))
        {
            if (TimeProvider.System.GetElapsedTime(started) > WaitTimeout)
                throw new StorageUnavailableException($"A share of Workspace {workspace} stayed locked for {WaitTimeout}.");
            await Task.Delay(TimeSpan.FromTicks(Random.Shared.NextInt64(backoff.Ticks / 2, backoff.Ticks + 1)), TimeProvider.System, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMilliseconds(100).Ticks));
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
                // The key expires on its own.
            }
        }
    }
}
