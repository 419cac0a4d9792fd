namespace Safedrop.Operator.Runtime.Controllers;

/// <summary>Brings the world in line with one key's desired state. Idempotent; never sleeps inside.</summary>
public interface IReconciler<in TKey>
{
    Task<ReconcileResult> ReconcileAsync(TKey key, CancellationToken cancellationToken);
}

/// <summary>What a reconcile asks of the queue: nothing more, or another look after a delay (an expected wait).</summary>
public readonly record struct ReconcileResult(TimeSpan? RequeueAfter)
{
    public static readonly ReconcileResult Done = new(null);

    public static ReconcileResult After(TimeSpan delay) => new(delay);
}
