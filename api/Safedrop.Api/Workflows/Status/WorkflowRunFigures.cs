namespace Safedrop.Api.Workflows.Status;

/// <summary>
/// A workflow's finished runs: counts and the most recent one. The same figures the API writes to a PersonalWorkflow's
/// status in a cluster (<c>status.runs</c>, <c>status.lastRun</c>).
/// </summary>
public sealed record WorkflowRunFigures(long Succeeded, long Failed, WorkflowLastRun? LastRun)
{
    public static readonly WorkflowRunFigures None = new(0, 0, null);

    public long Total => Succeeded + Failed;

    /// <summary>Both tallies together.</summary>
    public WorkflowRunFigures Plus(WorkflowRunFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Succeeded + other.Succeeded, Failed + other.Failed, WorkflowLastRun.Later(LastRun, other.LastRun));
    }

    /// <summary>These figures plus one finished run; the later run (by finish time) stays the last one.</summary>
    public WorkflowRunFigures Add(WorkflowRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var succeeded = run.State == WorkflowRunState.Succeeded;
        var last = WorkflowLastRun.Of(run);
        return new WorkflowRunFigures(Succeeded + (succeeded ? 1 : 0), Failed + (succeeded ? 0 : 1), WorkflowLastRun.Later(LastRun, last));
    }
}

/// <summary>The most recent finished run: its id (for the run history), Succeeded or Failed, and when it finished.</summary>
public sealed record WorkflowLastRun(string Id, WorkflowRunState State, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static WorkflowLastRun Of(WorkflowRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.State, run.StartedAt, run.FinishedAt);
    }

    public static WorkflowLastRun? Later(WorkflowLastRun? a, WorkflowLastRun? b) =>
        a is null ? b : b is null ? a : (b.FinishedAt ?? DateTimeOffset.MinValue) >= (a.FinishedAt ?? DateTimeOffset.MinValue) ? b : a;
}
