using Safedrop.Api.Caches;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Audit;

/// <summary>The lock that serializes appends to the audit chain across API replicas, in the session cache.</summary>
public sealed class AuditAppendLock(IKeyValueCache cache, AuditOptions options)
{
    public const string Key = "audit:append-lock";
    private readonly CacheLock locks = new(cache);

    /// <summary>Waits for the lock up to <see cref="AuditOptions.LockWaitTimeout"/>.</summary>
    /// <exception cref="StorageUnavailableException">The lock stayed taken: the audit log cannot be appended now.</exception>
    public Task<CacheLease> AcquireAsync(CancellationToken cancellationToken) =>
        locks.AcquireAsync(Key, options.LockTimeToLive, options.LockWaitTimeout, "the audit log's append", cancellationToken);
}
