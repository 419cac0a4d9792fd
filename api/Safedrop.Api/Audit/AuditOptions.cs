namespace Safedrop.Api.Audit;

/// <summary>Section <c>Safedrop:Audit</c>: how the audit writer batches and how long it may hold the append lock.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Safedrop:Audit";

    /// <summary>Most records in one segment; a burst beyond it becomes several segments.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Expiry of the append lock, so a replica that dies holding it blocks the others only this long.</summary>
    public TimeSpan LockTimeToLive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a batch waits for the append lock before its callers get a 503.</summary>
    public TimeSpan LockWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Limit on each storage call under the lock. The lock is renewed before each write, and a write is
    /// abandoned after this long, so it never outlives the lock: keep it well under <see cref="LockTimeToLive"/>.
    /// </summary>
    public TimeSpan StorageTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Null when valid, else what is wrong.</summary>
    public string? Problem() =>
        MaxBatchSize is < 1 or > 10_000 ? "MaxBatchSize must be between 1 and 10000."
        : LockTimeToLive < TimeSpan.FromSeconds(1) ? "LockTimeToLive must be at least 1 second."
        : LockWaitTimeout <= TimeSpan.Zero ? "LockWaitTimeout must be positive."
        : StorageTimeout <= TimeSpan.Zero || StorageTimeout * 3 > LockTimeToLive ? "StorageTimeout must be positive and at most a third of LockTimeToLive."
        : null;
}
