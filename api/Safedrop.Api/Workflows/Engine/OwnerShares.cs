namespace Safedrop.Api.Workflows.Engine;

/// <summary>
/// At most <see cref="Share"/> holders per owner at once: so that one user's burst of events (say, a flood of uploads to
/// their Dropzone with a receiver that hangs) takes a share of the engine, never all of it. A gate exists only while its
/// owner has holders or waiters.
/// </summary>
public sealed class OwnerShares(int share)
{
    /// <summary>One owner may use at most this fraction of the engine's deliveries, and of its action slots.</summary>
    public const int OwnersToFillTheEngine = 4;

    private readonly Dictionary<string, Gate> gates = new(StringComparer.Ordinal);

    public int Share { get; } = share > 0 ? share : throw new ArgumentOutOfRangeException(nameof(share));

    /// <summary>The share of one owner in <paramref name="capacity"/>: a quarter of it, at least one.</summary>
    public static OwnerShares Of(int capacity) => new(Math.Max(1, capacity / OwnersToFillTheEngine));

    /// <summary>A place in the owner's share if one is free now; null when the owner has its share in use.</summary>
    public Lease? TryEnter(string owner)
    {
        var gate = Join(owner);
        if (gate.Semaphore.Wait(0)) return new Lease(this, owner, gate);
        Leave(owner, gate);
        return null;
    }

    /// <summary>Waits for a place in the owner's share.</summary>
    public async Task<Lease> EnterAsync(string owner, CancellationToken cancellationToken)
    {
        var gate = Join(owner);
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(owner, gate);
            throw;
        }
        return new Lease(this, owner, gate);
    }

    private Gate Join(string owner)
    {
        lock (gates)
        {
            if (!gates.TryGetValue(owner, out var gate)) gates[owner] = gate = new Gate(Share);
            gate.Users++;
            return gate;
        }
    }

    private void Leave(string owner, Gate gate)
    {
        lock (gates)
        {
            if (--gate.Users > 0) return;
            gates.Remove(owner);
            gate.Semaphore.Dispose();
        }
    }

    internal sealed class Gate(int share)
    {
        public SemaphoreSlim Semaphore { get; } = new(share, share);
        public int Users { get; set; }
    }

    /// <summary>A place in an owner's share, given back on dispose.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly OwnerShares shares;
        private readonly string owner;
        private Gate? gate;

        internal Lease(OwnerShares shares, string owner, Gate gate)
        {
            this.shares = shares;
            this.owner = owner;
            this.gate = gate;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref gate, null) is not { } held) return;
            held.Semaphore.Release();
            shares.Leave(owner, held);
        }
    }
}
