using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Safedrop.Operator.Runtime.Metrics;
using Safedrop.Operator.Runtime.Queue;

namespace Safedrop.Operator.Runtime.Controllers;

/// <summary>
/// Runs a reconciler for the keys of a work queue with a fixed number of workers. A failure
/// re-queues the key with backoff; success forgets its backoff; RequeueAfter schedules another look.
/// Stopping drains: in-flight reconciles finish (until the hard-stop token fires), nothing new starts.
/// </summary>
public sealed partial class Controller<TKey>(
    string name, WorkQueue<TKey> queue, IReconciler<TKey> reconciler, int workers, OperatorMetrics metrics, ILogger logger)
    where TKey : notnull
{
    public string Name => name;

    public WorkQueue<TKey> Queue => queue;

    /// <param name="stopping">Stop taking new keys.</param>
    /// <param name="hardStop">Abandon reconciles still running (after the grace period).</param>
    public async Task RunAsync(CancellationToken stopping, CancellationToken hardStop)
    {
        using var registration = stopping.Register(queue.ShutDown);
        var running = Enumerable.Range(0, Math.Max(1, workers)).Select(_ => Task.Run(() => WorkAsync(hardStop), CancellationToken.None));
        await Task.WhenAll(running);
    }

    private async Task WorkAsync(CancellationToken hardStop)
    {
        while (await queue.NextAsync(hardStop) is { } key)
        {
            metrics.QueueDepth(name, queue.Length);
            try
            {
                await ProcessAsync(key, hardStop);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }

    private async Task ProcessAsync(TKey key, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await reconciler.ReconcileAsync(key, cancellationToken);
            queue.Forget(key);
            if (result.RequeueAfter is { } delay) queue.AddAfter(key, delay);
            metrics.Reconciled(name, result.RequeueAfter is null ? "success" : "requeue", Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            metrics.Reconciled(name, "cancelled", Stopwatch.GetElapsedTime(started));
        }
#pragma warning disable CA1031 // A reconcile failure of any kind must back off and retry, never kill the worker.
        catch (Exception e)
#pragma warning restore CA1031
        {
            metrics.Reconciled(name, "error", Stopwatch.GetElapsedTime(started));
            LogReconcileFailed(logger, name, key, queue.Failures(key) + 1, e);
            queue.AddRateLimited(key);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Controller} failed to reconcile {Key} (attempt {Attempt}); retrying with backoff")]
    private static partial void LogReconcileFailed(ILogger logger, string controller, TKey key, int attempt, Exception exception);
}
