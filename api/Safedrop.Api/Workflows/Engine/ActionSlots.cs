using Microsoft.Extensions.Options;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>
/// How many workflow actions this replica executes at once (<see cref="WorkflowEngineOptions.MaxConcurrentRuns"/>). A
/// slot is held only while one try of an action runs, never while a run waits out its backoff, so a receiver that
/// keeps failing costs its tries, not minutes of a slot other users' workflows need; and one owner's actions hold at
/// most a quarter of the slots (<see cref="OwnerShares"/>), so receivers that hang cost their owner, not everyone.
/// </summary>
public sealed class ActionSlots(IOptions<WorkflowEngineOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentRuns, options.Value.MaxConcurrentRuns);
    private readonly OwnerShares owners = OwnerShares.Of(options.Value.MaxConcurrentRuns);

    /// <summary>Runs one try of an action of <paramref name="owner"/>'s workflow in a slot, within the owner's share.</summary>
    public async Task<T> RunAsync<T>(string owner, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var share = await owners.EnterAsync(owner, cancellationToken);
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await action();
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
