using Safedrop.Api.Workflows.Status;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Api;

/// <summary>
/// A workflow as sent to create (<c>name</c>, <c>trigger</c> and <c>actions</c> required) or edit it (every field
/// optional: given ones replace the current value). <c>owner</c> is never taken from the body: the owner is always the
/// caller (or the user an admin acts as); sending another owner is refused, since <c>spec.owner</c> is immutable.
/// </summary>
public sealed record WorkflowBody(
    string? Name = null,
    string? Owner = null,
    string? Description = null,
    WorkflowTrigger? Trigger = null,
    WorkflowFilters? Filters = null,
    List<WorkflowAction>? Actions = null,
    bool? Enabled = null);

/// <summary>
/// One of the caller's workflows, as declared, in force or not: its trigger, filters, actions and <c>enabled</c> are
/// the resource's spec (what an edit changes). <c>inForce</c>: compiled and able to run (when enabled) — an earlier
/// generation may be what runs while a newer one is refused. <c>status</c> is the resource's Ready condition: why it
/// does not run (for example LimitExceeded, PlanRestriction, MissingPermission), and the generation it judged.
/// <c>defaultFilter</c> always applies first. <c>runs</c>: finished runs (counts and the last one) in local mode, where
/// there is no resource status to hold them; null in a cluster, where they are the PersonalWorkflow's
/// <c>status.runs</c> and <c>status.lastRun</c>.
/// </summary>
public sealed record WorkflowSummary(
    string Name,
    string Owner,
    bool InForce,
    WorkflowStatusInfo Status,
    bool Enabled,
    WorkflowTrigger Trigger,
    WorkflowFilters Filters,
    IReadOnlyList<WorkflowAction> Actions,
    DateTimeOffset? CreatedAt,
    string DefaultFilter,
    WorkflowRunFigures? Runs = null)
{
    public string? Description { get; init; }

    /// <summary>The resource's <c>metadata.generation</c>: compare with <see cref="WorkflowStatusInfo.ObservedGeneration"/> to tell whether the status judged this spec yet.</summary>
    public long? Generation { get; init; }
}

/// <summary>
/// The Ready condition: <c>ready</c>, its reason and message (Pending before the first verdict), and the generation it
/// was computed from.
/// </summary>
public sealed record WorkflowStatusInfo(bool Ready, string Reason, string Message)
{
    public long? ObservedGeneration { get; init; }
}

/// <summary>
/// A change written back to the PersonalWorkflow resource: the generation that carries it (when known) and, on
/// create, a <c>warning</c> when the owner already had the maximum number of workflows.
/// </summary>
public sealed record WorkflowChanged(string Name, string Owner, string Change, long? Generation, string? Warning = null);

/// <summary>A schema violation of a workflow: the field path, a short reason, and the message.</summary>
public sealed record WorkflowFieldError(string Field, string Reason, string Message);
