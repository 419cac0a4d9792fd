using Microsoft.Extensions.Options;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>
/// How many workflow actions this replica executes at once (<see cref="WorkflowEngineOptions.MaxConcurrentRuns"/>). A
/// slot is held only while one try of an action runs, never while a run waits out its backoff, so a receiver that
/// keeps failing costs its tries, not minutes of a slot other users' workflows need.
/// </summary>
public sealed class ActionSlots(IOptions<WorkflowEngineOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentRuns, options.Value.MaxConcurrentRuns);

    public async Task<T> RunAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
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
