namespace Safedrop.Api.Workflows;

/// <summary>
/// The run history of Personal Workflows, read by the API's run endpoint and written by the workflow engine
/// (which implements this interface over its run records in object storage).
/// </summary>
public interface IWorkflowRuns
{
    /// <summary>
    /// Runs of <paramref name="workflow"/>, newest first (run ids sort by time), at most <see cref="WorkflowRunPageRequest.Limit"/>,
    /// starting after the run id <see cref="WorkflowRunPageRequest.After"/> when given.
    /// </summary>
    Task<WorkflowRunPage> ListAsync(string workflow, WorkflowRunPageRequest page, CancellationToken cancellationToken);
}

/// <summary>Which runs to list: up to <paramref name="Limit"/>, older than the run id <paramref name="After"/> (the previous page's <see cref="WorkflowRunPage.Next"/>).</summary>
public sealed record WorkflowRunPageRequest(int Limit = WorkflowRunPageRequest.DefaultLimit, string? After = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

/// <summary>A page of runs; <paramref name="Next"/> is the cursor for the following page, null on the last.</summary>
public sealed record WorkflowRunPage(IReadOnlyList<WorkflowRun> Runs, string? Next);
