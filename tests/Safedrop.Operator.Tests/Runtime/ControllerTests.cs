using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Safedrop.Operator.Runtime.Controllers;
using Safedrop.Operator.Runtime.Metrics;
using Safedrop.Operator.Runtime.Queue;

namespace Safedrop.Operator.Tests.Runtime;

public class ControllerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_RetryWithBackoff_When_AReconcileFails()
    {
        var reconciler = new ScriptedReconciler(failuresBeforeSuccess: 2);
        var (controller, metrics, queue) = NewController(reconciler, workers: 1);
        using var stop = new CancellationTokenSource();
        var run = controller.RunAsync(stop.Token, CancellationToken.None);

        queue.Add("acme");
        await reconciler.Succeeded.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(3, reconciler.Attempts["acme"]);
        Assert.Equal(2, metrics.ReconcileCount("test", "error"));
        Assert.Equal(0, queue.Failures("acme")); // success forgets the backoff
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5), Ct);
    }

    [Fact]
    public async Task Should_FinishInFlightReconciles_When_Stopping()
    {
        var reconciler = new ScriptedReconciler(failuresBeforeSuccess: 0) { Gate = new TaskCompletionSource() };
        var (controller, _, queue) = NewController(reconciler, workers: 2);
        using var stop = new CancellationTokenSource();
        var run = controller.RunAsync(stop.Token, CancellationToken.None);
        queue.Add("acme");
        await reconciler.Started.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        await stop.CancelAsync();
        Assert.False(run.IsCompleted);
        reconciler.Gate.SetResult();

        await run.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.True(reconciler.Succeeded.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Should_NeverReconcileOneKeyConcurrently_When_ManyWorkersRun()
    {
        var reconciler = new ScriptedReconciler(failuresBeforeSuccess: 0) { Delay = TimeSpan.FromMilliseconds(2) };
        var (controller, _, queue) = NewController(reconciler, workers: 4);
        using var stop = new CancellationTokenSource();
        var run = controller.RunAsync(stop.Token, CancellationToken.None);

        for (var i = 0; i < 200; i++) queue.Add($"ns-{i % 5}");
        await Task.Delay(100, Ct); // let the workers churn; the assertion is about overlap, not timing
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(0, reconciler.Overlaps);
    }

    private static (Controller<string>, OperatorMetrics, WorkQueue<string>) NewController(IReconciler<string> reconciler, int workers)
    {
        var metrics = new OperatorMetrics();
        var queue = new WorkQueue<string>(new ExponentialBackoffLimiter<string>(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10)), TimeProvider.System);
        return (new Controller<string>("test", queue, reconciler, workers, metrics, NullLogger.Instance), metrics, queue);
    }

    private sealed class ScriptedReconciler(int failuresBeforeSuccess) : IReconciler<string>
    {
        private readonly ConcurrentDictionary<string, int> active = new();
        private int overlaps;

        public ConcurrentDictionary<string, int> Attempts { get; } = new();
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Succeeded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource? Gate { get; init; }
        public TimeSpan Delay { get; init; }
        public int Overlaps => overlaps;

        public async Task<ReconcileResult> ReconcileAsync(string key, CancellationToken cancellationToken)
        {
            if (active.AddOrUpdate(key, 1, (_, n) => n + 1) > 1) Interlocked.Increment(ref overlaps);
            try
            {
                Started.TrySetResult();
                if (Gate is not null) await Gate.Task;
                if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
                if (Attempts.AddOrUpdate(key, 1, (_, n) => n + 1) <= failuresBeforeSuccess) throw new InvalidOperationException("transient");
                Succeeded.TrySetResult();
                return ReconcileResult.Done;
            }
            finally
            {
                active.AddOrUpdate(key, 0, (_, n) => n - 1);
            }
        }
    }
}
