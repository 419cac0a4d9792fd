using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Safedrop.Api.Caches;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Audit;

/// <summary>
/// The audit log with group commit: callers queue their events, one writer takes whatever is queued (up to
/// <see cref="AuditOptions.MaxBatchSize"/>) and appends it as one new segment under the cross-replica append
/// lock, then completes every caller. So <see cref="RecordAsync"/> returns only once its record is in object
/// storage, and a burst of N events costs a handful of objects, not N.
/// </summary>
public sealed class AuditLog(
    AuditStore store,
    AuditAppendLock appendLock,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<AuditLog> logger) : BackgroundService, IAuditLog
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AuditOptions settings = options.Value;

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Action);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Actor);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(auditEvent, time.GetUtcNow());
        if (!queue.Writer.TryWrite(pending))
            throw new StorageUnavailableException("The audit log is shutting down; nothing was recorded.");
        // A caller that stops waiting does not withdraw its event: it may still be recorded.
        await pending.Done.Task.WaitAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // No new events; the writer drains what is queued, so no waiting caller is left without an answer.
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(settings.MaxBatchSize);
        // Not stoppingToken: a stop completes the queue instead, and the writer drains it before it ends.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < settings.MaxBatchSize && queue.Reader.TryRead(out var pending)) batch.Add(pending);
            if (batch.Count == 0) continue;
            try
            {
                await AppendAsync(batch);
                foreach (var pending in batch) pending.Done.TrySetResult();
            }
#pragma warning disable CA1031 // Any failure belongs to the batch's callers; the writer goes on with the next batch.
            catch (Exception e)
#pragma warning restore CA1031
            {
                AuditLogMessages.AppendFailed(logger, batch.Count, e.GetType().Name, e.Message);
                foreach (var pending in batch) pending.Done.TrySetException(ForCaller(e));
            }
        }
    }

    private async Task AppendAsync(List<Pending> batch)
    {
        await using var lease = await appendLock.AcquireAsync(CancellationToken.None);
        // Re-read under the lock: other replicas may have appended since this one last did.
        var head = await BoundedAsync(token => store.ReadHeadAsync(token)) ?? AuditChainHead.Empty;
        head = await AdoptUnacknowledgedSegmentsAsync(head);

        var records = new List<AuditRecord>(batch.Count);
        var previousHash = head.LastHash;
        foreach (var pending in batch)
        {
            var record = AuditRecord.Create(head.LastSequence + records.Count + 1, pending.Time, pending.Event, previousHash);
            records.Add(record);
            previousHash = record.Hash;
        }

        var key = AuditKeys.Segment(records[0].Sequence);
        var content = records.SelectMany(AuditRecordFormat.ToLine).ToArray();
        await lease.RenewAsync(CancellationToken.None);
        await BoundedAsync(async token =>
        {
            await store.WriteSegmentAsync(key, content, token);
            return true;
        });
        AuditLogMessages.SegmentWritten(logger, key, records.Count, records[0].Sequence, records[^1].Sequence, ActionCounts(records));

        // The segment is the commit point: its records are durable and chained. A head that fails to follow
        // is repaired by the next append (AdoptUnacknowledgedSegmentsAsync), so callers are not failed for it.
        try
        {
            await lease.RenewAsync(CancellationToken.None);
            await BoundedAsync(async token =>
            {
                await store.WriteHeadAsync(new AuditChainHead(records[^1].Sequence, records[^1].Hash, key), token);
                return true;
            });
        }
        catch (StorageUnavailableException e)
        {
            AuditLogMessages.HeadNotUpdated(logger, key, e.Message);
        }
    }

    /// <summary>
    /// Segments written after the head by a writer that stopped before updating it (a crash, or a failed head
    /// write). Segments are contiguous, so the next one can only be at the head's sequence + 1. One that chains
    /// is adopted; one that does not is refused rather than overwritten.
    /// </summary>
    private async Task<AuditChainHead> AdoptUnacknowledgedSegmentsAsync(AuditChainHead head)
    {
        while (true)
        {
            var key = AuditKeys.Segment(head.LastSequence + 1);
            var content = await BoundedAsync(token => store.ReadSegmentAsync(key, token));
            if (content is null) return head;
            var check = AuditChainCheck.Continue(head.LastSequence, head.LastHash);
            foreach (var line in AuditRecordFormat.Lines(content))
            {
                if (!check.Accept(line))
                    throw new AuditChainException($"Segment {key} after the head does not chain onto it at sequence {check.FirstBrokenSequence}: {check.Reason}.");
            }

            if (check.Records == 0) throw new AuditChainException($"Segment {key} after the head holds no records.");
            AuditLogMessages.AdoptedSegment(logger, key, check.Records);
            head = new AuditChainHead(check.LastSequence, check.LastHash, key);
        }
    }

    private async Task<T> BoundedAsync<T>(Func<CancellationToken, Task<T>> operation)
    {
        using var timeout = new CancellationTokenSource(settings.StorageTimeout);
        try
        {
            return await operation(timeout.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new StorageUnavailableException($"Object storage did not answer within {settings.StorageTimeout}.", e);
        }
    }

    private static string ActionCounts(List<AuditRecord> records) =>
        string.Join(", ", records.GroupBy(r => r.Action, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"));

    // Each caller gets its own exception object: one instance rethrown on many threads would mix their stack traces.
    private static Exception ForCaller(Exception e) => e switch
    {
        StorageUnavailableException => new StorageUnavailableException(e.Message, e),
        CacheUnavailableException => new CacheUnavailableException(e.Message, e),
        AuditChainException => new AuditChainException(e.Message, e),
        _ => new InvalidOperationException("The audit record could not be written: " + e.Message, e),
    };

    private sealed record Pending(AuditEvent Event, DateTimeOffset Time)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
