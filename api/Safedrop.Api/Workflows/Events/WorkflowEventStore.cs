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

    /// <summary>Events of one hour that were never marked as published, with the time they were recorded.</summary>
    public async IAsyncEnumerable<(WorkflowEventRef Reference, DateTimeOffset RecordedAt)> UnpublishedAsync(
        string hour, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var published = new HashSet<string>(StringComparer.Ordinal);
        var publishedPrefix = WorkflowEventKeys.PublishedPrefix + hour + "/";
        await foreach (var marker in store.ListAsync(publishedPrefix, cancellationToken))
            published.Add(marker.Key[publishedPrefix.Length..]);

        var eventsPrefix = WorkflowEventKeys.EventsPrefix + hour + "/";
        await foreach (var recorded in store.ListAsync(eventsPrefix, cancellationToken))
        {
            var name = recorded.Key[eventsPrefix.Length..];
            if (!name.EndsWith(".json", StringComparison.Ordinal)) continue;
            var id = name[..^".json".Length];
            if (!published.Contains(id)) yield return (new WorkflowEventRef(id, hour), recorded.LastModified);
        }
    }
}
