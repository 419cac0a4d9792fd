using Safedrop.Api.Configuration;
using Safedrop.Api.Workflows.Events;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>
/// The consumer: reads event references from the stream, loads each event from object storage, runs the matching
/// workflows and acknowledges the delivery once every run is recorded. A delivery that fails stays pending and is
/// claimed again later (by this or another replica); runs already finished are not repeated.
/// </summary>
public sealed partial class WorkflowEngine(
    IWorkflowEventStream stream, WorkflowEventStore events, WorkflowRunner runner, TenantConfigStore tenant,
    ILogger<WorkflowEngine> logger) : BackgroundService
{
    private const int BatchSize = 16;

    /// <summary>This replica's name in the consumer group.</summary>
    public string Consumer { get; } = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ConsumeAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped (the host, or this service alone): unacknowledged deliveries stay pending for the next start.
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<StreamDelivery> deliveries;
            try
            {
                deliveries = await stream.ReadAsync(Consumer, BatchSize, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReadFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                continue;
            }
            foreach (var delivery in deliveries)
            {
                try
                {
                    await ProcessAsync(delivery.Event, stoppingToken);
                    await events.MarkProcessedAsync(delivery.Event, stoppingToken);
                    await stream.AcknowledgeAsync(delivery, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogProcessingFailed(logger, e, delivery.Event.Id);
                }
            }
        }
    }

    /// <summary>Runs every workflow the event matches; public for tests and for replays.</summary>
    public async Task ProcessAsync(WorkflowEventRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (await events.GetAsync(reference, cancellationToken) is not { } workflowEvent)
        {
            LogEventMissing(logger, reference.Id);
            return;
        }
        if (tenant.Current.Config is not { } config) return;
        foreach (var workflow in WorkflowMatcher.Match(config, workflowEvent))
        {
            var run = await runner.RunAsync(workflow, workflowEvent, cancellationToken);
            LogRan(logger, workflow.Name, run.Id, run.State);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the workflow event stream failed; trying again")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow event {EventId} could not be processed; it stays pending and is delivered again")]
    private static partial void LogProcessingFailed(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow event {EventId} is in the stream but not in object storage; skipped")]
    private static partial void LogEventMissing(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow {Workflow} run {RunId}: {State}")]
    private static partial void LogRan(ILogger logger, string workflow, string runId, WorkflowRunState state);
}
