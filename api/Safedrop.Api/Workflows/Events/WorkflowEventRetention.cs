using Microsoft.Extensions.Options;

namespace Safedrop.Api.Workflows.Events;

/// <summary>
/// Deletes recorded events, with their published and processed markers, once they are processed and older than
/// <see cref="WorkflowEngineOptions.EventRetention"/>; without it every event ever emitted stays in object storage.
/// The runs they caused (<c>workflows/runs/</c>) stay: they are the history. An event never processed is kept, so
/// what never ran can still be looked into. Replicas may purge at the same time: every step is an idempotent delete.
/// </summary>
public sealed partial class WorkflowEventRetention(
    WorkflowEventStore store, IOptions<WorkflowEngineOptions> options, TimeProvider time, ILogger<WorkflowEventRetention> logger)
    : PeriodicPass(time, logger)
{
    // Events are filed by hour, so nothing new becomes old enough more often than this.
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Name => "Deleting old workflow events";

    // Listed, then deleted, a page at a time, so a long backlog (a first start after months) is never held in memory.
    private const int PageSize = 1000;

    // Deletes are small and mostly wait on storage; a few side by side keep a backlog short without crowding it.
    private const int ParallelDeletes = 8;

    /// <summary>One pass; returns how many events it deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        // An hour before this one ended before now - retention: everything filed under it is old enough.
        var cutoff = WorkflowEventKeys.Hour(Time.GetUtcNow() - options.Value.EventRetention);
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

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var deleted = await PurgeAsync(cancellationToken);
        if (deleted > 0) LogPurged(Logger, deleted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} processed workflow event(s) past their retention")]
    private static partial void LogPurged(ILogger logger, int count);
}
