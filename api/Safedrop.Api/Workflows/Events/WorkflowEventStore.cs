using System.Runtime.CompilerServices;
using System.Text.Json;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Workflows.Events;

/// <summary>Events in object storage: the durable record that makes an event count as emitted.</summary>
public sealed class WorkflowEventStore(IObjectStore store)
{
    public async Task SaveAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflowEvent);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(workflowEvent, WorkflowJson.Options);
        using var content = new MemoryStream(bytes);
        await store.PutAsync(workflowEvent.StorageKey, content, bytes.Length, cancellationToken);
    }

    public async Task<WorkflowEvent?> GetAsync(WorkflowEventRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await using var content = await store.OpenReadAsync(reference.StorageKey, cancellationToken);
        return content is null ? null : await JsonSerializer.DeserializeAsync<WorkflowEvent>(content, WorkflowJson.Options, cancellationToken);
    }

    /// <summary>Notes that the event reached the stream, so the sweeper does not publish it again.</summary>
    public async Task MarkPublishedAsync(WorkflowEventRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        using var empty = new MemoryStream();
        await store.PutAsync(WorkflowEventKeys.Published(reference.Hour, reference.Id), empty, 0, cancellationToken);
    }

    /// <summary>
    /// Notes that the engine ran the event's workflows and recorded the runs, so the sweeper never publishes it again
    /// (before this, a published event can still be lost with the stream: Redis emptied, a local restart).
    /// </summary>
    public async Task MarkProcessedAsync(WorkflowEventRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        using var empty = new MemoryStream();
        await store.PutAsync(WorkflowEventKeys.Processed(reference.Hour, reference.Id), empty, 0, cancellationToken);
    }

    /// <summary>
    /// Processed events (or their leftover markers) recorded in hours before <paramref name="hour"/>, oldest first, at
    /// most <paramref name="limit"/>. Keys sort by hour, so the listing stops at the first marker that is recent enough.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowEventRef>> ProcessedBeforeAsync(string hour, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hour);
        var found = new List<WorkflowEventRef>();
        await foreach (var marker in store.ListAsync(WorkflowEventKeys.ProcessedPrefix, cancellationToken))
        {
            var path = marker.Key[WorkflowEventKeys.ProcessedPrefix.Length..].Split('/');
            if (path.Length != 2) continue;
            if (string.CompareOrdinal(path[0], hour) >= 0 || found.Count >= limit) break;
            found.Add(new WorkflowEventRef(path[1], path[0]));
        }
        return found;
    }

    /// <summary>
    /// Deletes a processed event and its markers. The processed marker goes last: until it is gone the event is still
    /// found by <see cref="ProcessedBeforeAsync"/>, so a deletion cut short is finished by the next one; it never makes
    /// the event look unprocessed to the sweeper.
    /// </summary>
    public async Task DeleteProcessedAsync(WorkflowEventRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await store.DeleteAsync(WorkflowEventKeys.Published(reference.Hour, reference.Id), cancellationToken);
        await store.DeleteAsync(reference.StorageKey, cancellationToken);
        await store.DeleteAsync(WorkflowEventKeys.Processed(reference.Hour, reference.Id), cancellationToken);
    }

    /// <summary>
    /// Events of one hour that were never processed: the time they were recorded, and the time they were published
    /// (null when they never reached the stream).
    /// </summary>
    public async IAsyncEnumerable<(WorkflowEventRef Reference, DateTimeOffset RecordedAt, DateTimeOffset? PublishedAt)> UnprocessedAsync(
        string hour, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var processed = new HashSet<string>(StringComparer.Ordinal);
        var processedPrefix = WorkflowEventKeys.ProcessedPrefix + hour + "/";
        await foreach (var marker in store.ListAsync(processedPrefix, cancellationToken))
            processed.Add(marker.Key[processedPrefix.Length..]);

        var published = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var publishedPrefix = WorkflowEventKeys.PublishedPrefix + hour + "/";
        await foreach (var marker in store.ListAsync(publishedPrefix, cancellationToken))
            published[marker.Key[publishedPrefix.Length..]] = marker.LastModified;

        var eventsPrefix = WorkflowEventKeys.EventsPrefix + hour + "/";
        await foreach (var recorded in store.ListAsync(eventsPrefix, cancellationToken))
        {
            var name = recorded.Key[eventsPrefix.Length..];
            if (!name.EndsWith(".json", StringComparison.Ordinal)) continue;
            var id = name[..^".json".Length];
            if (processed.Contains(id)) continue;
            yield return (new WorkflowEventRef(id, hour), recorded.LastModified, published.TryGetValue(id, out var at) ? at : null);
        }
    }
}
