using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>
/// SPEC.md §4. A workflow acts with its owner's identity, so failing an authorization gate (plan,
/// switch, permission, limit, identity; for a copying workflow also TrustedDeviceKeys) takes it out
/// of force at once; only a workflow that passes every gate but has an invalid spec keeps its last
/// valid form.
/// </summary>
internal static class WorkflowRules
{
    public const int PerOwnerLimit = 5;

    public static (Dictionary<string, CompiledWorkflow> InForce, List<ResourceVerdict> Verdicts) Compile(
        CompileContext context, IReadOnlyDictionary<string, CompiledWorkspace> workspaces)
    {
        var inForce = new Dictionary<string, CompiledWorkflow>(StringComparer.Ordinal);
        var verdicts = new List<ResourceVerdict>();
        var slots = SlotsByCreation(context.Input.PersonalWorkflows);

        foreach (var workflow in context.Input.PersonalWorkflows)
        {
            var check = new VerdictBuilder(PersonalWorkflow.KindName, workflow);
            var owner = Authorize(context, workflow, slots, check);
            var authorized = !check.HasFailures;
            if (owner is { } identity)
                CheckSpec(context, workflow.Spec, identity, workspaces, check);

            CompiledWorkflow? compiled = null;
            if (authorized && !check.HasFailures)
                compiled = new CompiledWorkflow
                {
                    Name = check.Name,
                    Generation = check.Generation,
                    Owner = owner!.Value.Value,
                    Enabled = workflow.Spec.Enabled,
                    Trigger = workflow.Spec.Trigger,
                    Filters = workflow.Spec.Filters,
                    Actions = workflow.Spec.Actions,
                    CreatedAt = OrganizationRules.CreatedAt(workflow),
                };
            else if (authorized)
                compiled = context.Previous?.Workflows.GetValueOrDefault(check.Name) is { } previous && previous.Owner == owner!.Value.Value
                    ? previous with { Enabled = previous.Enabled && workflow.Spec.Enabled }
                    : null;
            if (compiled is not null) inForce[check.Name] = compiled;

            verdicts.Add(check.Build(
                $"Runs on {workflow.Spec.Trigger} for {owner} ({(workflow.Spec.Enabled ? "enabled" : "disabled")}).",
                compiled is null ? InForce.None : InForce.LastValid, compiled?.Generation));
        }

        return (inForce, verdicts);
    }

    /// <summary>The authorization gates; returns the owner when the identity itself is usable.</summary>
    private static EmailAddress? Authorize(CompileContext context, PersonalWorkflow workflow, Dictionary<PersonalWorkflow, int> slots, VerdictBuilder check)
    {
        const string type = ConditionTypes.Authorized;
        var org = context.Organization;
        if (org.Plan != Plan.Enterprise)
        {
            check.Fail(type, Reasons.PlanRestriction, $"Personal Workflows need the Enterprise plan; Organization '{org.Name}' is on {org.Plan}.");
            return null;
        }

        if (!context.Features.PersonalWorkflows)
        {
            check.Fail(type, Reasons.FeatureDisabled, $"Organization '{org.Name}' switches Personal Workflows off (spec.features.personalWorkflows: false).");
            return null;
        }

        if (context.Previous?.Workflows.GetValueOrDefault(check.Name) is { } previous
            && EmailAddress.TryParse(workflow.Spec.Owner, out var declared) && declared.Value != previous.Owner)
        {
            check.Fail(type, Reasons.OwnerImmutable,
                $"spec.owner is immutable: this workflow belongs to {previous.Owner}. Create a new workflow for {declared} instead.");
            return null;
        }

        var owner = context.CheckOwner(workflow.Spec.Owner, Permission.PersonalWorkflows, check, type);
        if (owner is null) return null;

        if (slots[workflow] > PerOwnerLimit)
        {
            // CheckOwner recorded a pass on the same condition; the limit overrides it.
            check.Fail(type, Reasons.LimitExceeded,
                $"{owner} already has {PerOwnerLimit} Personal Workflows created before this one (at most {PerOwnerLimit} per user, ordered by creation time, then name); this one never runs. Delete one of the others.");
        }

        // A copying workflow reads its owner's packages with a key of its own: a trusted device key of the owner, so
        // whoever may not have one (a Security Group restricts it, or the switch is off) may not have this either.
        if (workflow.Spec.Actions.Any(a => a.CopyToWorkspace is not null) && context.Resolve(owner.Value, Permission.TrustedDeviceKeys) is { Held: false } devices)
        {
            check.Fail(type, Reasons.MissingPermission,
                $"{owner} does not hold TrustedDeviceKeys ({devices.Explanation}): a workflow that copies packages into a Workspace reads them with its own key, a trusted device key of its owner. Remove the copyToWorkspace action or grant TrustedDeviceKeys.");
        }

        return owner;
    }

    private static void CheckSpec(CompileContext context, PersonalWorkflowSpec spec, EmailAddress owner,
        IReadOnlyDictionary<string, CompiledWorkspace> workspaces, VerdictBuilder check)
    {
        var problems = new List<(string Reason, string Message)>();
        var dropzones = context.Input.Dropzones.Select(d => d.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(spec.Filters.Dropzones.Where(d => !dropzones.Contains(d))
            .Select(d => (Reasons.UnknownReference, $"spec.filters.dropzones: no Dropzone named '{d}'")));
        problems.AddRange(spec.Filters.Workspaces.Where(w => !workspaces.ContainsKey(w))
            .Select(w => (Reasons.UnknownReference, $"spec.filters.workspaces: no Workspace named '{w}' in force")));

        for (var i = 0; i < spec.Actions.Count; i++)
            problems.AddRange(WorkflowActionRules.Check(context, spec.Actions[i], $"spec.actions[{i}]", owner, workspaces));

        if (problems.Count == 0)
            check.Pass(ConditionTypes.ActionsValid, Reasons.Compiled, $"{spec.Actions.Count} action(s), all valid.");
        else
            check.Fail(ConditionTypes.ActionsValid, problems[0].Reason, string.Join("; ", problems.Select(p => p.Message)) + ".");
    }

    /// <summary>Each owner's workflows numbered 1.. by creation time, then name.</summary>
    private static Dictionary<PersonalWorkflow, int> SlotsByCreation(IEnumerable<PersonalWorkflow> workflows) =>
        workflows
            .GroupBy(w => EmailAddress.TryParse(w.Spec.Owner, out var a) ? a.Value : w.Spec.Owner.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(OrganizationRules.CreatedAt).ThenBy(w => w.Metadata.Name, StringComparer.Ordinal)
                .Select((w, i) => (Workflow: w, Slot: i + 1)))
            .ToDictionary(x => x.Workflow, x => x.Slot);
}
