using System.Text.RegularExpressions;
using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;
using Safedrop.Api.WriteBack;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;
using Safedrop.Resources.Schema;

namespace Safedrop.Api.Workflows.Api;

/// <summary>
/// SPEC §4 through the API: every change to a user's own Personal Workflows (read by <see cref="PersonalWorkflowReader"/>)
/// written back to the PersonalWorkflow resource (checked against the CRD schema first) and audited. The compiler stays the judge of the plan, the permission and the limit of 5 for what runs; this
/// class only refuses what can never be right (another owner, an owner change, a broken spec, no permission).
/// </summary>
public sealed partial class PersonalWorkflowEditor(TenantConfigStore store, PersonalWorkflowReader reader, IResourceWriter writer, IAuditLog audit)
{
    public const string CreateAction = "workflow.create";
    public const string UpdateAction = "workflow.update";
    public const string EnableAction = "workflow.enable";
    public const string DisableAction = "workflow.disable";
    public const string DeleteAction = "workflow.delete";

    /// <summary>The non-editable filter every personal workflow applies first.</summary>
    public static string DefaultFilter(string owner) => $"PackageOwnerId == {owner}";

    public async Task<Outcome<WorkflowChanged>> CreateAsync(WorkflowBody body, WorkflowActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(actor);
        if (Gate() is { Problem: { } problem }) return problem;
        var owner = actor.Owner.Value;
        if (PermissionProblems.Require(store, actor.Owner, Permission.PersonalWorkflows, "Creating a Personal Workflow") is { } missing)
        {
            await audit.RecordAsync(actor.Event(CreateAction, body.Name ?? "", AuditOutcome.Denied, "permission:" + Permission.PersonalWorkflows), cancellationToken);
            return FromResult(missing);
        }

        if (body.Owner is { } given && Normalised(given) != owner) return WorkflowProblems.OwnerNotCaller(given, owner);
        if (await RequireDeviceKeysToCopyAsync(body.Actions, actor, CreateAction, body.Name ?? "", cancellationToken) is { } noDeviceKeys) return noDeviceKeys;

        var workflow = new PersonalWorkflow
        {
            Metadata = { Name = body.Name ?? "" },
            Spec =
            {
                Owner = owner,
                Description = body.Description,
                Enabled = body.Enabled ?? true,
                Filters = body.Filters ?? new WorkflowFilters(),
                Actions = body.Actions ?? [],
            },
        };
        List<SchemaViolation> violations = [.. Check(workflow, body.Name)];
        if (body.Trigger is { } trigger) workflow.Spec.Trigger = trigger;
        else violations.Add(new("spec.trigger", "Required", "a trigger is required"));
        if (violations.Count > 0) return WorkflowProblems.Invalid(violations);

        var others = await reader.CountAsync(owner, cancellationToken);
        try
        {
            await writer.CreateAsync(workflow, cancellationToken);
        }
        catch (ResourceConflictException)
        {
            return WorkflowProblems.Exists(workflow.Metadata.Name!);
        }
        catch (ResourceInvalidException e)
        {
            return WorkflowProblems.Invalid(e.Violations);
        }

        var warning = others >= WorkflowLimit
            ? $"{owner} already has {others} Personal Workflows: at most {WorkflowLimit} run per user (by creation time, then name). This one was created but reports LimitExceeded and never runs until an earlier one is deleted."
            : null;
        await audit.RecordAsync(actor.Event(CreateAction, workflow.Metadata.Name!, AuditOutcome.Succeeded, details: new Dictionary<string, string>
        {
            ["trigger"] = workflow.Spec.Trigger.ToString(),
            ["actions"] = workflow.Spec.Actions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["enabled"] = workflow.Spec.Enabled ? "true" : "false",
        }), cancellationToken);
        return new WorkflowChanged(workflow.Metadata.Name!, owner, "created", workflow.Metadata.Generation, warning);
    }

    public async Task<Outcome<WorkflowChanged>> UpdateAsync(string name, WorkflowBody body, WorkflowActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(actor);
        if (body.Name is { } renamed && renamed != name)
            return WorkflowProblems.Invalid([new("metadata.name", "Immutable", $"a workflow cannot be renamed ({name} → {renamed}); create a new one")]);
        if (Gate() is { Problem: { } closed }) return closed;
        if (await RequireDeviceKeysToCopyAsync(body.Actions, actor, UpdateAction, name, cancellationToken) is { } noDeviceKeys) return noDeviceKeys;
        return await ChangeAsync(name, actor, UpdateAction, requirePermission: true, (workflow, changed) =>
        {
            var spec = workflow.Spec;
            if (body.Owner is { } given && Normalised(given) != Normalised(spec.Owner)) return WorkflowProblems.OwnerImmutable(name, spec.Owner);
            if (body.Description is { } description && description != (spec.Description ?? ""))
            {
                spec.Description = description.Length == 0 ? null : description;
                changed.Add("description");
            }

            if (body.Trigger is { } trigger && trigger != spec.Trigger)
            {
                spec.Trigger = trigger;
                changed.Add("trigger");
            }

            if (body.Filters is { } filters && !SameJson(filters, spec.Filters))
            {
                spec.Filters = filters;
                changed.Add("filters");
            }

            if (body.Actions is { } actions && !SameJson(actions, spec.Actions))
            {
                spec.Actions = actions;
                changed.Add("actions");
            }

            if (body.Enabled is { } enabled && enabled != spec.Enabled)
            {
                spec.Enabled = enabled;
                changed.Add("enabled");
            }

            return null;
        }, cancellationToken);
    }

    public Task<Outcome<WorkflowChanged>> SetEnabledAsync(string name, bool enabled, WorkflowActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(name, actor, enabled ? EnableAction : DisableAction, requirePermission: enabled, (workflow, changed) =>
        {
            if (workflow.Spec.Enabled != enabled)
            {
                workflow.Spec.Enabled = enabled;
                changed.Add("enabled");
            }

            return null;
        }, cancellationToken);

    public async Task<Outcome<WorkflowChanged>> DeleteAsync(string name, WorkflowActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Gate() is { Problem: { } problem }) return problem;
        string? foreignOwner = null;
        bool found;
        try
        {
            found = await writer.DeleteAsync<PersonalWorkflow>(name, workflow =>
            {
                foreignOwner = Normalised(workflow.Spec.Owner) == actor.Owner.Value ? null : workflow.Spec.Owner;
                return foreignOwner is null;
            }, cancellationToken);
        }
        catch (ResourceConflictException e)
        {
            return WorkflowProblems.Conflict(e.Message + " Nothing was deleted.");
        }

        if (!found) return WorkflowProblems.NotFound(name);
        if (foreignOwner is not null)
        {
            await audit.RecordAsync(actor.Event(DeleteAction, name, AuditOutcome.Denied, OwnerRule), cancellationToken);
            return WorkflowProblems.NotOwner(name);
        }

        await audit.RecordAsync(actor.Event(DeleteAction, name, AuditOutcome.Succeeded, OwnerRule), cancellationToken);
        return new WorkflowChanged(name, actor.Owner.Value, "deleted", null);
    }

    public const string OwnerRule = "workflow-owner";
    private const int WorkflowLimit = 5;

    /// <summary>Read, check the owner, apply <paramref name="apply"/> (which may refuse), validate, write back, audit.</summary>
    private async Task<Outcome<WorkflowChanged>> ChangeAsync(string name, WorkflowActor actor, string action, bool requirePermission,
        Func<PersonalWorkflow, List<string>, ApiProblem?> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Gate() is { Problem: { } problem }) return problem;
        if (requirePermission && PermissionProblems.Require(store, actor.Owner, Permission.PersonalWorkflows, "Changing a Personal Workflow") is { } missing)
        {
            await audit.RecordAsync(actor.Event(action, name, AuditOutcome.Denied, "permission:" + Permission.PersonalWorkflows), cancellationToken);
            return FromResult(missing);
        }

        List<string> changed = [];
        ApiProblem? refused = null;
        var notOwner = false;
        List<SchemaViolation> violations = [];
        PersonalWorkflow? written = null;
        bool found;
        try
        {
            found = await writer.UpdateAsync<PersonalWorkflow>(name, workflow =>
            {
                changed = [];
                (refused, notOwner, violations, written) = (null, false, [], null);
                if (Normalised(workflow.Spec.Owner) != actor.Owner.Value)
                {
                    notOwner = true;
                    return false;
                }

                refused = apply(workflow, changed);
                if (refused is not null) return false;
                violations = Check(workflow, name);
                if (violations.Count > 0) return false;
                written = workflow;
                return changed.Count > 0;
            }, cancellationToken);
        }
        catch (ResourceConflictException e)
        {
            return WorkflowProblems.Conflict(e.Message + " Nothing of this request was written.");
        }
        catch (ResourceInvalidException e)
        {
            return WorkflowProblems.Invalid(e.Violations);
        }

        if (!found) return WorkflowProblems.NotFound(name);
        if (notOwner)
        {
            await audit.RecordAsync(actor.Event(action, name, AuditOutcome.Denied, OwnerRule), cancellationToken);
            return WorkflowProblems.NotOwner(name);
        }

        if (refused is not null)
        {
            await audit.RecordAsync(actor.Event(action, name, AuditOutcome.Denied, refused.Type == ProblemTypes.WorkflowOwnerImmutable ? "owner-immutable" : null), cancellationToken);
            return refused;
        }

        if (violations.Count > 0) return WorkflowProblems.Invalid(violations);
        if (changed.Count == 0) return new WorkflowChanged(name, actor.Owner.Value, "unchanged", written?.Metadata.Generation);

        await audit.RecordAsync(actor.Event(action, name, AuditOutcome.Succeeded, OwnerRule, new Dictionary<string, string> { ["changed"] = string.Join(",", changed) }), cancellationToken);
        return new WorkflowChanged(name, actor.Owner.Value, string.Join(",", changed), written!.Metadata.Generation);
    }

    /// <summary>
    /// A copying workflow reads its owner's packages with a key of its own, a trusted device key of the owner: only a
    /// holder of TrustedDeviceKeys may save one (the compiler takes it out of force when the owner stops holding it).
    /// </summary>
    private async Task<ApiProblem?> RequireDeviceKeysToCopyAsync(
        IReadOnlyList<WorkflowAction>? actions, WorkflowActor actor, string action, string name, CancellationToken cancellationToken)
    {
        if (actions is null || !actions.Any(a => a.CopyToWorkspace is not null)) return null;
        if (PermissionProblems.Require(store, actor.Owner, Permission.TrustedDeviceKeys,
            "Saving a workflow that copies packages into a Workspace (it reads them with a trusted device key of yours)") is not { } missing) return null;
        await audit.RecordAsync(actor.Event(action, name, AuditOutcome.Denied, "permission:" + Permission.TrustedDeviceKeys), cancellationToken);
        return FromResult(missing);
    }

    /// <summary>The Organization serves, is on the Enterprise plan, and has Personal Workflows on.</summary>
    private Outcome<bool> Gate() => WorkflowProblems.Closed(store) is { } problem ? problem : true;

    /// <summary>The CRD schema's verdict plus what its CEL rule and metadata.name demand (the local validator checks neither).</summary>
    private static List<SchemaViolation> Check(PersonalWorkflow workflow, string? name)
    {
        List<SchemaViolation> violations = [];
        if (string.IsNullOrEmpty(name)) violations.Add(new("metadata.name", "Required", "a name is required"));
        else if (name.Length > 63 || !NamePattern().IsMatch(name))
            violations.Add(new("metadata.name", "Pattern", "lower-case letters, digits and '-' (starting and ending with a letter or digit), at most 63 characters"));
        else violations.AddRange(ResourceDocuments.Validate(workflow));
        for (var i = 0; i < workflow.Spec.Actions.Count; i++)
        {
            var a = workflow.Spec.Actions[i];
            if ((a.Webhook is null ? 0 : 1) + (a.CopyToWorkspace is null ? 0 : 1) + (a.Email is null ? 0 : 1) != 1)
                violations.Add(new($"spec.actions[{i}]", "Rule", "each action sets exactly one of webhook, copyToWorkspace or email"));
        }

        return violations;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex NamePattern();

    private static string? Normalised(string? address) => PersonalWorkflowReader.Normalised(address);

    private static bool SameJson<T>(T a, T b) =>
        System.Text.Json.JsonSerializer.Serialize(a, ResourceJson.Options) == System.Text.Json.JsonSerializer.Serialize(b, ResourceJson.Options);

    private static ApiProblem FromResult(Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult result) =>
        new(result.StatusCode, result.ProblemDetails.Type!, result.ProblemDetails.Title!, result.ProblemDetails.Detail!)
        {
            Extensions = new Dictionary<string, object?>(result.ProblemDetails.Extensions),
        };
}
