using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Safedrop.Api.Workflows.Events;

/// <summary>
/// Local mode's stream: a queue in this process with the consumer-group contract (pending until acknowledged,
/// claimed again after <see cref="WorkflowEngineOptions.ClaimIdle"/>). Lost on restart, like Redis without persistence:
/// the sweeper publishes recorded events again.
/// </summary>
public sealed class MemoryWorkflowEventStream(IOptions<WorkflowEngineOptions> options, TimeProvider time) : IWorkflowEventStream
{
    private readonly Channel<StreamDelivery> entries = Channel.CreateUnbounded<StreamDelivery>();
    private readonly ConcurrentDictionary<string, (StreamDelivery Delivery, DateTimeOffset DeliveredAt)> pending = new(StringComparer.Ordinal);
    private long sequence;

    public Task AppendAsync(WorkflowEventRef reference, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref sequence).ToString(CultureInfo.InvariantCulture);
        entries.Writer.TryWrite(new StreamDelivery(id, reference));
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<StreamDelivery>> ReadAsync(string consumer, int count, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = new List<StreamDelivery>();
        foreach (var (id, entry) in pending)
        {
            if (result.Count >= count) break;
            if (now - entry.DeliveredAt < options.Value.ClaimIdle) continue;
            if (pending.TryUpdate(id, (entry.Delivery, now), entry)) result.Add(entry.Delivery);
        }
        if (result.Count == 0)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(options.Value.ReadWait);
            try
            {
                await entries.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return result;
            }
        }
        while (result.Count < count && entries.Reader.TryRead(out var delivery))
        {
            pending[delivery.DeliveryId] = (delivery, time.GetUtcNow());
            result.Add(delivery);
        }
        return result;
    }

    public Task KeepAsync(string consumer, IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        var now = time.GetUtcNow();
        foreach (var id in deliveryIds)
        {
            if (pending.TryGetValue(id, out var entry)) pending.TryUpdate(id, (entry.Delivery, now), entry);
        }
        return Task.CompletedTask;
    }

    public Task AcknowledgeAsync(StreamDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        pending.TryRemove(delivery.DeliveryId, out _);
        return Task.CompletedTask;
    }
}
