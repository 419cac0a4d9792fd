using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using Safedrop.Resources.Schema;

namespace Safedrop.Api.Workflows.Api;

internal static class WorkflowProblems
{
    /// <summary>Why no workflow endpoint serves now: no Organization in force, or it is not on the Enterprise plan or switches the feature off.</summary>
    public static ApiProblem? Closed(Configuration.TenantConfigStore store) =>
        store.Current.Config is not { Organization: { } org } ? Packages.PackageProblems.NotServing : Unavailable(org);

    public static ApiProblem? Unavailable(CompiledOrganization org)
    {
        if (org.Plan != Plan.Enterprise)
            return Unavailable(Reasons.PlanRestriction, $"Personal Workflows need the Enterprise plan; Organization '{org.Name}' is on {org.Plan}.");
        return org.Features.PersonalWorkflows
            ? null
            : Unavailable(Reasons.FeatureDisabled, $"Organization '{org.Name}' switches Personal Workflows off (spec.features.personalWorkflows: false).");
    }

    private static ApiProblem Unavailable(string reason, string detail) =>
        new(StatusCodes.Status403Forbidden, ProblemTypes.PersonalWorkflowsUnavailable, "Personal Workflows unavailable", detail)
        {
            Extensions = new Dictionary<string, object?> { ["reason"] = reason },
        };

    public static ApiProblem NotFound(string name) =>
        new(StatusCodes.Status404NotFound, ProblemTypes.WorkflowNotFound, "Workflow not found", $"There is no Personal Workflow named {name}.");

    public static ApiProblem Exists(string name) =>
        new(StatusCodes.Status409Conflict, ProblemTypes.WorkflowExists, "Workflow exists", $"A Personal Workflow named {name} exists already (names are unique in the Organization); choose another name.");

    public static ApiProblem NotOwner(string name) =>
        new(StatusCodes.Status403Forbidden, ProblemTypes.WorkflowNotOwner, "Not the workflow's owner", $"Personal Workflow {name} belongs to someone else; only its owner can see or change it.");

    public static ApiProblem OwnerImmutable(string name, string owner) =>
        new(StatusCodes.Status422UnprocessableEntity, ProblemTypes.WorkflowOwnerImmutable, "Owner cannot be changed",
            $"spec.owner is immutable: {name} belongs to {owner}, and a workflow's identity cannot be changed. Create a new workflow for the other owner instead.");

    public static ApiProblem OwnerNotCaller(string given, string caller) =>
        new(StatusCodes.Status422UnprocessableEntity, ProblemTypes.WorkflowOwnerImmutable, "Owner is always the caller",
            $"A Personal Workflow is always owned by whoever creates it ({caller}); it cannot be created for {given}. An admin acts as the user (Safedrop-Act-As) instead.");

    public static ApiProblem Invalid(IReadOnlyList<SchemaViolation> violations) =>
        new(StatusCodes.Status400BadRequest, ProblemTypes.WorkflowInvalid, "Workflow refused",
            "Nothing was written: " + string.Join("; ", violations.Select(v => $"{v.Path}: {v.Message}")))
        {
            Extensions = new Dictionary<string, object?> { ["errors"] = violations.Select(v => new WorkflowFieldError(v.Path, v.Reason, v.Message)).ToList() },
        };

    public static ApiProblem Conflict(string detail) =>
        new(StatusCodes.Status409Conflict, ProblemTypes.WriteBackConflict, "Write-back conflict", detail);
}
