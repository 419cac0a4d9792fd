namespace Safedrop.Testing.FakeKube.Watch;

/// <summary>
/// Lets a test cut every watch and hold new ones back while it changes the world, as a network
/// partition or an API server restart would: clients then resume from an old resourceVersion.
/// </summary>
internal sealed class WatchInterruptions : IDisposable
{
    private readonly Lock gate = new();
    private TaskCompletionSource open = Opened();
    private CancellationTokenSource current = new();

    /// <summary>Waits while watches are held back; the token ends this watch at the next interruption.</summary>
    public async Task<CancellationToken> EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (open.Task.IsCompleted) return current.Token;
                wait = open.Task;
            }

            await wait.WaitAsync(cancellationToken);
        }
    }

    public async Task DuringAsync(Func<Task> action)
    {
        CancellationTokenSource ended;
        lock (gate)
        {
            open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            ended = current;
            current = new CancellationTokenSource();
        }

        await ended.CancelAsync();
        ended.Dispose();
        try
        {
            await action();
        }
        finally
        {
            lock (gate) open.TrySetResult();
        }
    }

    public void Dispose()
    {
        lock (gate) current.Dispose();
    }

    private static TaskCompletionSource Opened()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
