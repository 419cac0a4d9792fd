using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Api.Workflows.Status;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Api;

/// <summary>
/// SPEC §4, reading: a user's own Personal Workflows as declared (what the editor reads back and changes), each with
/// its Ready condition and whether it is in force. A workflow that does not run (the sixth of an owner, one whose
/// owner lost the permission, one with a broken reference) is listed with its spec like any other, so its owner can
/// see why and fix it. Someone else's workflows are never shown.
/// </summary>
public sealed class PersonalWorkflowReader(TenantConfigStore store, IDeclaredWorkflows declared)
{
    public async Task<Outcome<IReadOnlyList<WorkflowSummary>>> ListAsync(WorkflowActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (WorkflowProblems.Closed(store) is { } problem) return problem;
        var config = store.Current.Config!;
        var owner = actor.Owner.Value;
        var mine = (await declared.ListAsync(cancellationToken)).Where(w => IsOwner(w, owner)).ToList();
        var names = mine.Select(w => w.Metadata.Name).ToHashSet(StringComparer.Ordinal);

        // In force but no longer declared: a cluster's snapshot lags a deletion for a moment, and the workflow still runs until it catches up.
        var lagging = config.Workflows.Values.Where(w => w.Owner == owner && !names.Contains(w.Name)).Select(w => FromCompiled(w, owner));
        return mine.Select(w => Summary(w, config, owner)).Concat(lagging).OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One of the caller's workflows. Someone else's answers 404 like an absent one: reading (the workflow or its runs)
    /// never tells who else has workflows (changing one still answers 403, since the write-back read it anyway).
    /// </summary>
    public async Task<Outcome<WorkflowSummary>> GetAsync(string name, WorkflowActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (WorkflowProblems.Closed(store) is { } problem) return problem;
        var config = store.Current.Config!;
        var owner = actor.Owner.Value;
        if (await declared.FindAsync(name, cancellationToken) is { } workflow)
            return IsOwner(workflow, owner) ? Summary(workflow, config, owner) : WorkflowProblems.NotFound(name);
        return config.Workflows.GetValueOrDefault(name) is { } compiled && compiled.Owner == owner
            ? FromCompiled(compiled, owner)
            : WorkflowProblems.NotFound(name);
    }

    /// <summary>The owner of a workflow the caller may read the runs of; 404 when it does not exist or is someone else's, as <see cref="GetAsync"/>.</summary>
    public async Task<Outcome<string>> OwnedAsync(string name, WorkflowActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (WorkflowProblems.Closed(store) is { } problem) return problem;
        var owner = Normalised((await declared.FindAsync(name, cancellationToken))?.Spec.Owner)
            ?? store.Current.Config!.Workflows.GetValueOrDefault(name)?.Owner;
        return owner == actor.Owner.Value ? owner : WorkflowProblems.NotFound(name);
    }

    /// <summary>How many workflows <paramref name="owner"/> has declared, in force or not: the limit of 5 counts them all.</summary>
    public async Task<int> CountAsync(string owner, CancellationToken cancellationToken)
    {
        var names = (await declared.ListAsync(cancellationToken)).Where(w => IsOwner(w, owner)).Select(w => w.Metadata.Name ?? "").ToHashSet(StringComparer.Ordinal);
        names.UnionWith(store.Current.Config?.Workflows.Values.Where(w => w.Owner == owner).Select(w => w.Name) ?? []);
        return names.Count;
    }

    private static WorkflowSummary Summary(PersonalWorkflow workflow, TenantConfig config, string owner)
    {
        var name = workflow.Metadata.Name ?? "";
        var spec = workflow.Spec;
        var inForce = config.Workflows.GetValueOrDefault(name)?.Owner == owner;
        return new WorkflowSummary(name, owner, inForce, Status(workflow, inForce), spec.Enabled, spec.Trigger, spec.Filters, spec.Actions,
            workflow.Metadata.CreationTimestamp is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null,
            PersonalWorkflowEditor.DefaultFilter(owner))
        {
            Description = spec.Description,
            Generation = workflow.Metadata.Generation,
            // A cluster's status carries the figures the API wrote there; local mode's caller adds them from the run records.
            Runs = workflow.Status?.Runs is { } counts
                ? new WorkflowRunFigures(counts.Succeeded, counts.Failed, LastRun(workflow.Status.LastRun))
                : null,
        };
    }

    private static WorkflowLastRun? LastRun(WorkflowRunSummary? last) =>
        last is { Id: { } id } && Enum.TryParse<WorkflowRunState>(last.State, out var state) ? new WorkflowLastRun(id, state, last.StartedAt, last.FinishedAt) : null;

    private static WorkflowSummary FromCompiled(CompiledWorkflow w, string owner) =>
        new(w.Name, owner, true, new(true, Reasons.InForce, "In force."), w.Enabled, w.Trigger, w.Filters, w.Actions, w.CreatedAt,
            PersonalWorkflowEditor.DefaultFilter(owner))
        {
            Generation = w.Generation,
        };

    /// <summary>The resource's Ready condition; before the first verdict, Pending (or in force, when an earlier generation runs).</summary>
    private static WorkflowStatusInfo Status(PersonalWorkflow workflow, bool inForce)
    {
        var ready = workflow.Status.Conditions.FirstOrDefault(c => c.Type == ConditionTypes.Ready);
        if (ready is null)
            return inForce ? new(true, Reasons.InForce, "In force.") : new(false, "Pending", "Not compiled yet.");
        return new(ready.Status == ConditionStatus.True, ready.Reason, ready.Message)
        {
            ObservedGeneration = ready.ObservedGeneration ?? workflow.Status.ObservedGeneration,
        };
    }

    private static bool IsOwner(PersonalWorkflow workflow, string owner) => Normalised(workflow.Spec.Owner) == owner;

    internal static string? Normalised(string? address) =>
        address is null ? null : EmailAddress.TryParse(address, out var parsed) ? parsed.Value : address.Trim().ToLowerInvariant();
}
