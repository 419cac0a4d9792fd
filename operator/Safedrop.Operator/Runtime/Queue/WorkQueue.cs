namespace Safedrop.Operator.Runtime.Queue;

/// <summary>
/// A de-duplicating, rate-limited work queue with client-go's semantics: a key waits in the queue
/// at most once; a key is never handed to two workers at once (a key added while it is being
/// processed is queued again when <see cref="Done"/> is called); failures back off per key.
/// </summary>
public sealed class WorkQueue<TKey> : IDisposable where TKey : notnull
{
    private readonly IRateLimiter<TKey> limiter;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Queue<TKey> queue = new();
    private readonly HashSet<TKey> dirty = [];
    private readonly HashSet<TKey> processing = [];
    private readonly Dictionary<TKey, (ITimer Timer, long DueAt)> waiting = [];
    private readonly SemaphoreSlim available = new(0);
    private bool shuttingDown;

    public WorkQueue(IRateLimiter<TKey> limiter, TimeProvider time)
    {
        this.limiter = limiter;
        this.time = time;
    }

    /// <summary>Keys queued and not yet handed out (the queue-depth metric).</summary>
    public int Length
    {
        get { lock (gate) return queue.Count; }
    }

    /// <summary>Keys waiting for a delay to pass.</summary>
    public int Delayed
    {
        get { lock (gate) return waiting.Count; }
    }

    public void Add(TKey key)
    {
        lock (gate)
        {
            if (shuttingDown || !dirty.Add(key)) return;
            if (processing.Contains(key)) return; // Done() re-queues it
            queue.Enqueue(key);
        }

        available.Release();
    }

    /// <summary>Adds the key once <paramref name="delay"/> has passed; an earlier pending add for the key wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (gate)
        {
            if (shuttingDown) return;
            var dueAt = time.GetTimestamp() + (long)(delay.TotalSeconds * time.TimestampFrequency);
            if (waiting.TryGetValue(key, out var pending))
            {
                if (pending.DueAt <= dueAt) return;
                pending.Timer.Dispose();
            }

            var timer = time.CreateTimer(_ => Fire(key), null, delay, Timeout.InfiniteTimeSpan);
            waiting[key] = (timer, dueAt);
        }
    }

    /// <summary>Re-queues a key that failed, after its backoff.</summary>
    public void AddRateLimited(TKey key) => AddAfter(key, limiter.NextDelay(key));

    /// <summary>The key succeeded: its backoff starts over.</summary>
    public void Forget(TKey key) => limiter.Forget(key);

    public int Failures(TKey key) => limiter.Failures(key);

    /// <summary>Waits for the next key; null once the queue is shut down and drained.</summary>
    public async Task<TKey?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await available.WaitAsync(cancellationToken);
            lock (gate)
            {
                if (queue.TryDequeue(out var key))
                {
                    dirty.Remove(key);
                    processing.Add(key);
                    return key;
                }

                if (shuttingDown)
                {
                    available.Release(); // wake the next waiting worker too
                    return default;
                }
            }
        }
    }

    /// <summary>The worker finished with the key; if it was added meanwhile, it is queued again.</summary>
    public void Done(TKey key)
    {
        lock (gate)
        {
            processing.Remove(key);
            if (!dirty.Contains(key)) return;
            queue.Enqueue(key);
        }

        available.Release();
    }

    /// <summary>Stops accepting keys; workers drain what is queued, then get null.</summary>
    public void ShutDown()
    {
        lock (gate)
        {
            shuttingDown = true;
            foreach (var (timer, _) in waiting.Values) timer.Dispose();
            waiting.Clear();
        }

        available.Release();
    }

    public void Dispose()
    {
        ShutDown();
        available.Dispose();
    }

    private void Fire(TKey key)
    {
        lock (gate)
        {
            if (!waiting.Remove(key, out var pending)) return;
            pending.Timer.Dispose();
        }

        Add(key);
    }
}
