namespace Safedrop.Api.Workflows;

/// <summary>The run history of workflows, as the engine records it.</summary>
public interface IWorkflowRuns
{
    /// <summary>The most recent runs of <paramref name="workflow"/>, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<WorkflowRun>> ListAsync(string workflow, int limit, CancellationToken cancellationToken);
}
