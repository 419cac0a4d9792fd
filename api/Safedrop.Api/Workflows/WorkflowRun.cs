namespace Safedrop.Api.Workflows;

/// <summary>One run of a Personal Workflow for one event (stored under <c>workflows/runs/{workflow}/</c>, see <see cref="Engine.WorkflowRunStore"/>).</summary>
public sealed record WorkflowRun(string Id, string Workflow, string Owner, string Trigger, string EventId,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, WorkflowRunState State, int Attempts,
    IReadOnlyList<WorkflowActionResult> Actions);

public enum WorkflowRunState
{
    Pending,
    Running,
    Succeeded,
    Retrying,
    Failed,
}

/// <param name="Action">What the action is, for people: <c>webhook https://…</c>, <c>email</c>, <c>copyToWorkspace x:/folder</c>.</param>
/// <param name="Attempts">How many times it was tried (0 when an earlier action failed and it never ran).</param>
public sealed record WorkflowActionResult(string Action, bool Succeeded, string? Detail, int Attempts, DateTimeOffset? At);
