using Safedrop.Api.Caches;
using Safedrop.Api.Packages;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Workspaces;

/// <summary>
/// Serializes changes across API replicas: to one Workspace's tree and quota usage (<see cref="AcquireAsync"/>),
/// or to one share record of it (<see cref="AcquireShareAsync"/>, so that an admin's approval and a CoOwner's
/// revocation racing each other never bring a revoked share back). A key in the session cache set only when
/// absent, holding a random owner token, expiring so a dead holder frees it (<see cref="CacheLock"/>).
/// Held only for small writes, never while file bytes stream.
/// </summary>
public sealed class WorkspaceLock(IKeyValueCache cache)
{
    private readonly CacheLock locks = new(cache);

    /// <summary>Expiry of a held lock: far above the few small writes done under it.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    /// <summary>How long a change waits for the lock before its caller gets a 503.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(10);

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

    private async Task<IAsyncDisposable> AcquireKeyAsync(string key, string what, CancellationToken cancellationToken) =>
        await locks.AcquireAsync(key, TimeToLive, WaitTimeout, what, cancellationToken);
}
