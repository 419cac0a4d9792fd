namespace Safedrop.Api.Workflows.Events;

/// <summary>Features emit events here once their own effect is durable.</summary>
public interface IWorkflowEvents
{
    /// <summary>
    /// Records each event durably, then publishes it to the stream. Never throws for a storage or stream failure:
    /// the feature's effect already happened; an event recorded but not published is published by the sweeper.
    /// </summary>
    Task EmitAsync(IReadOnlyList<WorkflowEvent> events, CancellationToken cancellationToken);
}
