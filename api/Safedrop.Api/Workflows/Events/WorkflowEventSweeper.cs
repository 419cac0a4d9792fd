using Microsoft.Extensions.Options;

namespace Safedrop.Api.Workflows.Events;

/// <summary>
/// Publishes recorded events that never reached the stream (Redis down, a replica that died between recording and
/// publishing), and published ones the engine never processed within <see cref="WorkflowEngineOptions.ProcessGrace"/>
/// (the stream lost them: Redis emptied or restarted without persistence, local mode restarted), so no recorded event
/// is lost. Publishing twice is harmless: runs are idempotent per
/// workflow and event.
/// </summary>
public sealed partial class WorkflowEventSweeper(
    WorkflowEventStore store, WorkflowEvents events, IOptions<WorkflowEngineOptions> options, TimeProvider time,
    ILogger<WorkflowEventSweeper> logger) : PeriodicPass(time, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override string Name => "Workflow event sweep";

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var published = 0;
        for (var hour = now - options.Value.SweepLookback; hour <= now + TimeSpan.FromHours(1); hour += TimeSpan.FromHours(1))
        {
            await foreach (var (reference, recordedAt, publishedAt) in store.UnprocessedAsync(WorkflowEventKeys.Hour(hour), cancellationToken))
            {
                if (publishedAt is null ? now - recordedAt < options.Value.SweepGrace : now - publishedAt < options.Value.ProcessGrace) continue;
                if (await events.PublishAsync(reference, cancellationToken)) published++;
            }
        }
        return published;
    }

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var published = await SweepAsync(cancellationToken);
        if (published > 0) LogRepublished(Logger, published);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} recorded workflow event(s) that had not reached the stream")]
    private static partial void LogRepublished(ILogger logger, int count);
}
