using Microsoft.Extensions.Options;
using Safedrop.Api.Caches;
using StackExchange.Redis;

namespace Safedrop.Api.Workflows.Events;

/// <summary>
/// The cluster's stream: a Redis Stream on the session cache's Redis with one consumer group for all replicas.
/// XREADGROUP hands each entry to one consumer; it stays pending until XACK, and XAUTOCLAIM moves entries a dead
/// consumer left pending longer than <see cref="WorkflowEngineOptions.ClaimIdle"/> to a live one. Every Redis failure
/// surfaces as <see cref="CacheUnavailableException"/>: events are in object storage first, so the sweeper publishes
/// what did not get through, and the engine reads again later.
/// </summary>
public sealed class RedisWorkflowEventStream(RedisKeyValueCache cache, IOptions<WorkflowEngineOptions> options, TimeProvider time, string key = RedisWorkflowEventStream.DefaultKey)
    : IWorkflowEventStream
{
    public const string DefaultKey = "safedrop:workflow-events";
    public const string Group = "safedrop-workflow-engine";

    // Entries are two short fields; 100 000 of them is a few MB. Trimming only bites when the engines are down for
    // that many events, and trimmed entries are lost to the stream (they are marked published): keep it generous.
    private const long MaxLength = 100_000;

    // StackExchange.Redis shares one connection, so a blocking XREADGROUP would stall every other command: poll instead.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private const string IdField = "id";
    private const string HourField = "hour";

    private volatile bool groupExists;

    public Task AppendAsync(WorkflowEventRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return RunAsync(db => db.StreamAddAsync(
            key, [new NameValueEntry(IdField, reference.Id), new NameValueEntry(HourField, reference.Hour)],
            maxLength: MaxLength, useApproximateMaxLength: true));
    }

    public async Task<IReadOnlyList<StreamDelivery>> ReadAsync(string consumer, int count, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        var deadline = time.GetUtcNow() + options.Value.ReadWait;
        while (true)
        {
            var entries = await ReadOnceAsync(consumer, count);
            var deliveries = await ToDeliveriesAsync(entries);
            if (deliveries.Count > 0 || entries.Count > 0) return deliveries;
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero) return deliveries;
            await Task.Delay(left < PollInterval ? left : PollInterval, time, cancellationToken);
        }
    }

    /// <summary>XCLAIM to the same consumer with no minimum idle time resets each entry's idle time (JUSTID: no entry is read).</summary>
    public async Task KeepAsync(string consumer, IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        ArgumentNullException.ThrowIfNull(deliveryIds);
        if (deliveryIds.Count == 0) return;
        RedisValue[] ids = [.. deliveryIds.Select(id => (RedisValue)id)];
        await RunAsync(async db =>
        {
            try
            {
                return await db.StreamClaimIdsOnlyAsync(key, Group, consumer, 0, ids);
            }
            catch (RedisServerException e) when (IsNoGroup(e))
            {
                // Redis lost the group: nothing is pending, so nothing can be claimed from this consumer either.
                groupExists = false;
                return [];
            }
        });
    }

    public Task AcknowledgeAsync(StreamDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return RunAsync(async db =>
        {
            try
            {
                return await db.StreamAcknowledgeAsync(key, Group, delivery.DeliveryId);
            }
            catch (RedisServerException e) when (IsNoGroup(e))
            {
                // Redis lost the group (flushed, restarted without persistence): nothing is pending any more.
                groupExists = false;
                return 0L;
            }
        });
    }

    /// <summary>Abandoned entries first (claimed from dead consumers), then new ones.</summary>
    private Task<List<StreamEntry>> ReadOnceAsync(string consumer, int count) => RunAsync(async db =>
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EnsureGroupAsync(db);
                var result = new List<StreamEntry>(count);
                var claimed = await db.StreamAutoClaimAsync(key, Group, consumer, (long)options.Value.ClaimIdle.TotalMilliseconds, "0-0", count);
                result.AddRange(claimed.ClaimedEntries.Where(e => !e.IsNull));
                if (result.Count < count)
                    result.AddRange(await db.StreamReadGroupAsync(key, Group, consumer, StreamPosition.NewMessages, count - result.Count));
                return result;
            }
            catch (RedisServerException e) when (IsNoGroup(e) && attempt == 1)
            {
                // The stream or group vanished (FLUSHALL, a Redis restart): create them again and read once more.
                groupExists = false;
            }
        }
    });

    private async Task EnsureGroupAsync(IDatabase db)
    {
        if (groupExists) return;
        try
        {
            // From the beginning, not "$": entries appended before any replica created the group must not be skipped.
            await db.StreamCreateConsumerGroupAsync(key, Group, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another replica (or an earlier start) created it: that is the idempotent case.
        }
        groupExists = true;
    }

    private async Task<List<StreamDelivery>> ToDeliveriesAsync(List<StreamEntry> entries)
    {
        var deliveries = new List<StreamDelivery>(entries.Count);
        foreach (var entry in entries)
        {
            var id = entry[IdField];
            var hour = entry[HourField];
            if (id.IsNullOrEmpty || hour.IsNullOrEmpty)
            {
                // Not ours to run and never will be: acknowledge so it is not claimed forever.
                await RunAsync(db => db.StreamAcknowledgeAsync(key, Group, entry.Id));
                continue;
            }
            deliveries.Add(new StreamDelivery(entry.Id.ToString(), new WorkflowEventRef(id.ToString(), hour.ToString())));
        }
        return deliveries;
    }

    private static bool IsNoGroup(RedisServerException e) => e.Message.StartsWith("NOGROUP", StringComparison.Ordinal);

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command)
    {
        var db = await cache.GetDatabaseAsync();
        try
        {
            return await command(db);
        }
        catch (RedisException e)
        {
            throw new CacheUnavailableException($"The workflow event stream (session Redis) is unavailable: {e.Message}", e);
        }
        catch (RedisTimeoutException e)
        {
            throw new CacheUnavailableException($"The workflow event stream (session Redis) timed out: {e.Message}", e);
        }
    }
}
