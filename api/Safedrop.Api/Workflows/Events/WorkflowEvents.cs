
namespace Safedrop.Api.Workflows.Events;

/// <summary>Records each event in object storage (then it counts as emitted), then appends it to the stream.</summary>
public sealed partial class WorkflowEvents(WorkflowEventStore store, IWorkflowEventStream stream, ILogger<WorkflowEvents> logger) : IWorkflowEvents
{
    public async Task EmitAsync(IReadOnlyList<WorkflowEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var workflowEvent in events)
        {
            // The caller's effect is durable already: a client hanging up now must not lose the event.
            try
            {
                await store.SaveAsync(workflowEvent, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogNotRecorded(logger, e, workflowEvent.Type.ToString(), workflowEvent.Id);
                continue;
            }
            await PublishAsync(new WorkflowEventRef(workflowEvent.Id, WorkflowEventKeys.Hour(workflowEvent.OccurredAt)), CancellationToken.None);
        }
    }

    /// <summary>Appends a recorded event to the stream and marks it published; on failure the sweeper tries again later.</summary>
    public async Task<bool> PublishAsync(WorkflowEventRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        try
        {
            await stream.AppendAsync(reference, cancellationToken);
            await store.MarkPublishedAsync(reference, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotPublished(logger, e, reference.Id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow event {Type} {EventId} could not be recorded; no workflow will run for it")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string type, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow event {EventId} is recorded but did not reach the stream; the sweeper publishes it later")]
    private static partial void LogNotPublished(ILogger logger, Exception exception, string eventId);
}
