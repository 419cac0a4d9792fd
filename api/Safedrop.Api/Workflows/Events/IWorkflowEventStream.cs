namespace Safedrop.Api.Workflows.Events;

/// <summary>
/// The delivery channel between emitters and the engine: a Redis Stream with a consumer group in a cluster (each
/// event goes to one replica; unacknowledged ones are claimed by another after a while), an in-process queue with the
/// same contract in local mode. Entries carry only the event's id and hour: the event itself is in object storage.
/// </summary>
public interface IWorkflowEventStream
{
    Task AppendAsync(WorkflowEventRef reference, CancellationToken cancellationToken);

    /// <summary>Deliveries for <paramref name="consumer"/>: those abandoned by dead consumers first, then new ones; waits a little when none.</summary>
    Task<IReadOnlyList<StreamDelivery>> ReadAsync(string consumer, int count, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="consumer"/> is still working on these deliveries (by id): none of them counts as abandoned for
    /// another <see cref="WorkflowEngineOptions.ClaimIdle"/>. Ids already acknowledged are ignored.
    /// </summary>
    Task KeepAsync(string consumer, IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken);

    /// <summary>Done with a delivery (its runs are recorded): it is never delivered again.</summary>
    Task AcknowledgeAsync(StreamDelivery delivery, CancellationToken cancellationToken);
}

public sealed record WorkflowEventRef(string Id, string Hour)
{
    public string StorageKey => WorkflowEventKeys.Event(Hour, Id);
}

/// <param name="DeliveryId">The stream entry id (Redis) or a sequence number (memory).</param>
public sealed record StreamDelivery(string DeliveryId, WorkflowEventRef Event);
