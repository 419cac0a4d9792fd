using Microsoft.Extensions.Options;
using Safedrop.Api.Storage;
using Safedrop.Api.Workflows.Engine;
using Safedrop.Api.Workflows.Engine.Copy;

namespace Safedrop.Api.Workflows.Events;

/// <summary>
/// Deletes recorded events, with their published and processed markers, once they are processed and older than
/// <see cref="WorkflowEngineOptions.EventRetention"/>; without it every event ever emitted stays in object storage.
/// The runs they caused (<c>workflows/runs/</c>) stay: they are the history. An event never processed is kept, so
/// what never ran can still be looked into. Replicas may purge at the same time: every step is an idempotent delete.
/// </summary>
public sealed partial class WorkflowEventRetention(
    WorkflowEventStore store, IObjectStore objects, IOptions<WorkflowEngineOptions> options, TimeProvider time, ILogger<WorkflowEventRetention> logger)
    : PeriodicPass(time, logger)
{
    // Events are filed by hour, so nothing new becomes old enough more often than this.
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Name => "Deleting old workflow events";

    // Listed, then deleted, a page at a time, so a long backlog (a first start after months) is never held in memory.
    private const int PageSize = 1000;

    // Deletes are small and mostly wait on storage; a few side by side keep a backlog short without crowding it.
    private const int ParallelDeletes = 8;

    /// <summary>
    /// One pass; returns how many events it deleted. The run idempotency keys and copy markers filed under the same
    /// hours go too: the events they guard against running twice are gone, so nothing can deliver them again.
    /// </summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        // An hour before this one ended before now - retention: everything filed under it is old enough.
        var cutoff = WorkflowEventKeys.Hour(Time.GetUtcNow() - options.Value.EventRetention);
        var deleted = await PurgeEventsAsync(cutoff, cancellationToken);
        await PurgeFiledByHourAsync(WorkflowRunStore.KeysPrefix, cutoff, cancellationToken);
        await PurgeFiledByHourAsync(CopyMarkers.Prefix, cutoff, cancellationToken);
        return deleted;
    }

    private async Task<int> PurgeEventsAsync(string cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        WorkflowEventRef? previousFirst = null;
        while (true)
        {
            var page = await store.ProcessedBeforeAsync(cutoff, PageSize, cancellationToken);
            // A store that answered a delete without deleting would otherwise be asked the same page forever.
            if (page.Count == 0 || page[0] == previousFirst) return deleted;
            previousFirst = page[0];
            await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = ParallelDeletes, CancellationToken = cancellationToken },
                (reference, token) => new ValueTask(store.DeleteProcessedAsync(reference, token)));
            deleted += page.Count;
            if (page.Count < PageSize) return deleted;
        }
    }

    /// <summary>
    /// Deletes what is filed as <c>{prefix}{yyyyMMddHH}/…</c> under hours before <paramref name="cutoff"/>. Listings come
    /// in key order, so the oldest come first and the listing stops at the first recent hour; anything not filed by
    /// hour sorts after the digits and is never reached.
    /// </summary>
    private async Task PurgeFiledByHourAsync(string prefix, string cutoff, CancellationToken cancellationToken)
    {
        string? previousFirst = null;
        while (true)
        {
            var page = new List<string>(PageSize);
            await foreach (var info in objects.ListAsync(prefix, cancellationToken))
            {
                var hour = info.Key.AsSpan(prefix.Length);
                hour = hour[..Math.Max(0, hour.IndexOf('/'))];
                if (hour.Length != cutoff.Length || hour.ContainsAnyExceptInRange('0', '9') || hour.CompareTo(cutoff, StringComparison.Ordinal) >= 0) break;
                page.Add(info.Key);
                if (page.Count == PageSize) break;
            }
            // A store that answered a delete without deleting would otherwise be asked the same page forever.
            if (page.Count == 0 || page[0] == previousFirst) return;
            previousFirst = page[0];
            await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = ParallelDeletes, CancellationToken = cancellationToken },
                (key, token) => new ValueTask(objects.DeleteAsync(key, token)));
            if (page.Count < PageSize) return;
        }
    }

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var deleted = await PurgeAsync(cancellationToken);
        if (deleted > 0) LogPurged(Logger, deleted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} processed workflow event(s) past their retention")]
    private static partial void LogPurged(ILogger logger, int count);
}
