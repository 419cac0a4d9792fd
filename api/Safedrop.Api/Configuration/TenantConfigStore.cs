namespace Safedrop.Api.Configuration;

/// <summary>
/// Holds the tenant state in force. One writer (the config source) swaps whole immutable states;
/// any number of readers take <see cref="Current"/> without locks and never see a half-built config.
/// </summary>
public sealed class TenantConfigStore
{
    private TenantState current = TenantState.NotLoaded;
    private TaskCompletionSource changed = NewSignal();

    public TenantState Current => Volatile.Read(ref current);

    /// <summary>Completes at the next <see cref="Publish"/>; take it before reading <see cref="Current"/> to miss nothing.</summary>
    public Task Changed => Volatile.Read(ref changed).Task;

    public TenantState Publish(TenantState next)
    {
        ArgumentNullException.ThrowIfNull(next);
        next = next with { Sequence = Current.Sequence + 1 };
        Interlocked.Exchange(ref current, next);
        Interlocked.Exchange(ref changed, NewSignal()).TrySetResult();
        return next;
    }

    /// <summary>The first state (the current one included) that satisfies <paramref name="condition"/>.</summary>
    public async Task<TenantState> WaitForAsync(Func<TenantState, bool> condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        while (true)
        {
            var signal = Changed;
            var state = Current;
            if (condition(state)) return state;
            await signal.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
