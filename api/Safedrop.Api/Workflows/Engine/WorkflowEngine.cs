using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.Workflows.Events;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>
/// The consumer: reads event references from the stream, loads each event from object storage, runs the matching
/// workflows and acknowledges the delivery once every run is recorded. A delivery that fails stays pending and is
/// claimed again later (by this or another replica); runs already finished are not repeated.
/// Deliveries are handled side by side, up to <see cref="DeliveriesPerActionSlot"/> times
/// <see cref="WorkflowEngineOptions.MaxConcurrentRuns"/>, and so are the runs of one event; the actions themselves are
/// bounded by <see cref="ActionSlots"/>, held only during a try (not through a backoff). No user can take the whole
/// engine: one owner's deliveries take at most a quarter of the room and one owner's actions a quarter of the slots
/// (<see cref="OwnerShares"/>); the rest of a burst waits parked, holding no room, so other users' events are still
/// read and run while one user's receiver hangs. Deliveries in hand are kept alive in the stream
/// (<see cref="IWorkflowEventStream.KeepAsync"/>) several times per <see cref="WorkflowEngineOptions.ClaimIdle"/>, so
/// a long run or a parked delivery is never taken for abandoned and run a second time by another replica.
/// </summary>
public sealed partial class WorkflowEngine(
    IWorkflowEventStream stream, WorkflowEventStore events, WorkflowRunner runner, TenantConfigStore tenant,
    IOptions<WorkflowEngineOptions> options, TimeProvider time, ILogger<WorkflowEngine> logger) : BackgroundService
{
    private const int BatchSize = 16;
    private const int KeepsPerClaimIdle = 4;

    /// <summary>Deliveries that may wait parked for their owner's share, per delivery of room.</summary>
    public const int ParkedPerDelivery = 16;

    /// <summary>Deliveries in hand per action slot: a delivery is a reference, and most of its time a retrying run waits.</summary>
    public const int DeliveriesPerActionSlot = 4;

    private readonly int maxConcurrent = options.Value.MaxConcurrentRuns * DeliveriesPerActionSlot;
    private readonly OwnerShares ownerDeliveries = OwnerShares.Of(options.Value.MaxConcurrentRuns * DeliveriesPerActionSlot);

    // Event id -> its processing here. See ProcessAsync for why a second delivery of an event waits for the first.
    private readonly ConcurrentDictionary<string, Task> processing = new(StringComparer.Ordinal);

    // Delivery ids in hand, kept alive in the stream. Should a keep come late (a stalled process), this consumer's next
    // read may claim one back: that copy is dropped, the handler in hand acknowledges the id.
    private readonly ConcurrentDictionary<string, byte> inHand = new(StringComparer.Ordinal);

    /// <summary>This replica's name in the consumer group.</summary>
    public string Consumer { get; } = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One slot per delivery in hand: the loop reads only as many as it has room for, so the rest wait in the
        // stream, where another replica can take them, not in this process's memory.
        using var room = new DeliveryRoom(maxConcurrent, maxConcurrent * ParkedPerDelivery);
        var keeping = KeepInHandAsync(stoppingToken);
        try
        {
            await ConsumeAsync(room, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped (the host, or this service alone): unacknowledged deliveries stay pending for the next start.
        }
        finally
        {
            // Stopping waits for the deliveries in hand: their runs see the token, so each finishes or is cut short
            // and its delivery stays pending. Holding every slot means none is left running on a disposed host.
            await room.DrainAsync();
            await keeping;
        }
    }

    /// <summary>Until stopped, tells the stream every little while that the deliveries in hand are still being worked on.</summary>
    private async Task KeepInHandAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ClaimIdle / KeepsPerClaimIdle, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (inHand.IsEmpty) continue;
                try
                {
                    await stream.KeepAsync(Consumer, [.. inHand.Keys], stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogKeepFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still pending is claimed by another replica once idle long enough.
        }
    }

    private async Task ConsumeAsync(DeliveryRoom room, CancellationToken stoppingToken)
    {
        var slots = room.Slots;
        while (!stoppingToken.IsCancellationRequested)
        {
            await slots.WaitAsync(stoppingToken);
            var taken = 1;
            while (taken < BatchSize && slots.Wait(0, CancellationToken.None)) taken++;
            IReadOnlyList<StreamDelivery> deliveries;
            try
            {
                deliveries = await stream.ReadAsync(Consumer, taken, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                slots.Release(taken);
                LogReadFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                continue;
            }
            catch
            {
                slots.Release(taken);
                throw;
            }
            var unused = taken - deliveries.Count;
            foreach (var delivery in deliveries)
            {
                if (inHand.TryAdd(delivery.DeliveryId, 0))
                    _ = Task.Run(() => HandleAsync(delivery, room, stoppingToken), CancellationToken.None);
                else
                    unused++;
            }
            if (unused > 0) slots.Release(unused);
        }
    }

    /// <summary>Runs one delivery's event and acknowledges it; never throws, and always gives its room back.</summary>
    private async Task HandleAsync(StreamDelivery delivery, DeliveryRoom room, CancellationToken stoppingToken)
    {
        var parked = false;
        try
        {
            if (await events.GetAsync(delivery.Event, stoppingToken) is not { } workflowEvent)
            {
                LogEventMissing(logger, delivery.Event.Id);
            }
            else
            {
                var owner = workflowEvent.PackageOwnerId;
                var share = ownerDeliveries.TryEnter(owner);
                if (share is null)
                {
                    // The owner has its share of deliveries at work: this one waits parked, its slot given to other
                    // owners' events, and runs in its parking space. With the parking full, it waits in its slot.
                    parked = room.TryPark();
                    share = await ownerDeliveries.EnterAsync(owner, stoppingToken);
                }
                using (share) await ProcessAsync(delivery.Event, workflowEvent, stoppingToken);
            }
            await events.MarkProcessedAsync(delivery.Event, stoppingToken);
            await stream.AcknowledgeAsync(delivery, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: not acknowledged, so it stays pending and is delivered again.
        }
        catch (Exception e)
        {
            LogProcessingFailed(logger, e, delivery.Event.Id);
        }
        finally
        {
            inHand.TryRemove(delivery.DeliveryId, out _);
            room.Leave(parked);
        }
    }

    /// <summary>
    /// Runs every workflow the event matches, side by side, and returns once each run is recorded; throws when any
    /// could not be (the others still finish). Public for tests and for replays.
    /// </summary>
    public async Task ProcessAsync(WorkflowEventRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (await events.GetAsync(reference, cancellationToken) is { } workflowEvent) await ProcessAsync(reference, workflowEvent, cancellationToken);
        else LogEventMissing(logger, reference.Id);
    }

    private async Task ProcessAsync(WorkflowEventRef reference, WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        // An event can be in hand twice: this replica claims back its own delivery should a keep-alive come late, or
        // the sweeper republishes it after ProcessGrace. The runner's idempotency only sees finished
        // runs, so two at once would run its workflows twice; the later one waits and then finds them finished.
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        while (processing.GetOrAdd(reference.Id, mine.Task) is var current && current != mine.Task)
            await current.WaitAsync(cancellationToken);
        try
        {
            await RunMatchingAsync(workflowEvent, cancellationToken);
        }
        finally
        {
            processing.TryRemove(new KeyValuePair<string, Task>(reference.Id, mine.Task));
            mine.SetResult();
        }
    }

    private async Task RunMatchingAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        // Before the first configuration is in force nothing can match yet; marking the event processed now would lose it.
        var config = (await tenant.WaitForAsync(state => state.Config is not null, cancellationToken)).Config!;
        // At most five workflows per owner match; each is independent of the others, so one slow receiver must not
        // hold back the owner's other workflows either.
        await Task.WhenAll(WorkflowMatcher.Match(config, workflowEvent).Select(workflow => RunAsync(workflow, workflowEvent, cancellationToken)));
    }

    private async Task RunAsync(Resources.Compilation.CompiledWorkflow workflow, WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(workflow, workflowEvent, cancellationToken);
        LogRan(logger, workflow.Name, run.Id, run.State);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the workflow event stream failed; trying again")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping the deliveries in hand alive in the workflow event stream failed; another replica may claim them")]
    private static partial void LogKeepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow event {EventId} could not be processed; it stays pending and is delivered again")]
    private static partial void LogProcessingFailed(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow event {EventId} is in the stream but not in object storage; skipped")]
    private static partial void LogEventMissing(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow {Workflow} run {RunId}: {State}")]
    private static partial void LogRan(ILogger logger, string workflow, string runId, WorkflowRunState state);
}
