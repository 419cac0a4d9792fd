namespace Safedrop.Api.Workflows;

// Shared record shape of issue 7 (the engine helper owns this file; this copy is identical until the merge).

/// <summary>One run of a Personal Workflow for one event, as recorded under <c>workflows/runs/{workflow}/{runId}.json</c>.</summary>
public sealed record WorkflowRun(string Id, string Workflow, string Owner, string Trigger, string EventId,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, WorkflowRunState State, int Attempts,
    IReadOnlyList<WorkflowActionResult> Actions);

public enum WorkflowRunState { Pending, Running, Succeeded, Retrying, Failed }

/// <summary>What one action of a run did.</summary>
public sealed record WorkflowActionResult(string Action, bool Succeeded, string? Detail, int Attempts, DateTimeOffset? At);
