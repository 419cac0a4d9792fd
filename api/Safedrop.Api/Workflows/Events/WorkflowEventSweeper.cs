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
    ILogger<WorkflowEventSweeper> logger) : BackgroundService
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                var published = await SweepAsync(stoppingToken);
                if (published > 0) LogRepublished(logger, published);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} recorded workflow event(s) that had not reached the stream")]
    private static partial void LogRepublished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow event sweep failed; trying again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
