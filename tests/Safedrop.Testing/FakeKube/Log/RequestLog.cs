namespace Safedrop.Testing.FakeKube.Log;

/// <summary>A position in the log; count what happened after it (for example "the second reconcile wrote nothing").</summary>
public readonly record struct RequestLogMark(long Sequence);

/// <summary>Every request the fake served, in order, with counters for writes.</summary>
public sealed class RequestLog
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> entries = [];
    private readonly List<(Func<RecordedRequest, bool> Match, TaskCompletionSource<RecordedRequest> Signal)> waiters = [];
    private long sequence;

    public IReadOnlyList<RecordedRequest> Entries
    {
        get
        {
            lock (gate) return [.. entries];
        }
    }

    /// <summary>Write requests (create, update, patch, delete), including ones that changed nothing.</summary>
    public int WriteCount => Entries.Count(e => e.IsWrite);

    /// <summary>Requests that changed stored state (bumped a resourceVersion).</summary>
    public int MutationCount => Entries.Count(e => e.Mutated);

    public RequestLogMark Mark()
    {
        lock (gate) return new RequestLogMark(sequence);
    }

    public IReadOnlyList<RecordedRequest> Since(RequestLogMark mark) => [.. Entries.Where(e => e.Sequence > mark.Sequence)];

    public int WritesSince(RequestLogMark mark) => Since(mark).Count(e => e.IsWrite);

    public int MutationsSince(RequestLogMark mark) => Since(mark).Count(e => e.Mutated);

    /// <summary>Completes when a matching request has been served (including one served already).</summary>
    public Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var done = entries.FirstOrDefault(match);
            if (done is not null) return Task.FromResult(done);
            var signal = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, signal));
            cancellationToken.Register(() => signal.TrySetCanceled(cancellationToken));
            return signal.Task;
        }
    }

    internal void Add(RecordedRequest unnumbered)
    {
        List<TaskCompletionSource<RecordedRequest>> ready;
        RecordedRequest request;
        lock (gate)
        {
            request = unnumbered with { Sequence = ++sequence };
            entries.Add(request);
            ready = [.. waiters.Where(w => w.Match(request)).Select(w => w.Signal)];
            waiters.RemoveAll(w => ready.Contains(w.Signal));
        }

        foreach (var signal in ready) signal.TrySetResult(request);
    }
}
