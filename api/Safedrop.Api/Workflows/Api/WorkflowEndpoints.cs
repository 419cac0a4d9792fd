using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;
using Safedrop.Api.Identity.Impersonation;
using Microsoft.Extensions.Options;
using Safedrop.Api.Packages;
using Safedrop.Api.Workflows.Engine;

namespace Safedrop.Api.Workflows.Api;

public static class WorkflowEndpoints
{
    private const string ActAs = " An admin may act for a registered user by sending the Safedrop-Act-As header (the user's e-mail): the workflow stays the user's, and the audit log records the admin.";

    /// <summary>The signed-in user's Personal Workflows (SPEC §4): list, read one, create, edit, enable/disable, delete, run history.</summary>
    public static IEndpointRouteBuilder MapWorkflowApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Impersonation.Scope.Value!)
            .WithTags("Personal Workflows")
            .RequireAuthorization(SafedropClaims.SignedInPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("", ListAsync)
            .WithName("ListWorkflows")
            .WithSummary("The caller's Personal Workflows")
            .WithDescription("Every workflow the caller owns, in force or not, each with its declared spec (trigger, filters, actions, enabled), its Ready condition (LimitExceeded, PlanRestriction, MissingPermission, ...) and the fixed default filter. Each also carries 'runs' (finished runs: counts and the last one): from the PersonalWorkflow's status in a cluster (written by the API, a few seconds behind), from the run records in local mode. Enterprise plan only." + ActAs);
        group.MapGet("/{name}", GetAsync)
            .WithName("GetWorkflow")
            .WithSummary("One of the caller's Personal Workflows")
            .WithDescription("As in the list: the declared spec and the Ready condition, in force or not, so that one which does not run can be read back and fixed. 404 when absent or someone else's." + ActAs)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", CreateAsync)
            .WithName("CreateWorkflow")
            .WithSummary("Create a Personal Workflow")
            .WithDescription("Written back to a new PersonalWorkflow resource owned by the caller (never by an owner in the body) and audited. Needs the PersonalWorkflows permission (opt-in). A sixth workflow is created but never runs (LimitExceeded); the answer then carries a warning." + ActAs)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{name}", UpdateAsync)
            .WithName("UpdateWorkflow")
            .WithSummary("Edit a Personal Workflow")
            .WithDescription("Given fields (description, trigger, filters, actions, enabled) replace the current ones; written back and audited. Only the owner; spec.owner is immutable (422)." + ActAs)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{name}/enable", EnableAsync)
            .WithName("EnableWorkflow")
            .WithSummary("Enable a Personal Workflow")
            .WithDescription("Sets spec.enabled; written back and audited. Only the owner." + ActAs)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{name}/disable", DisableAsync)
            .WithName("DisableWorkflow")
            .WithSummary("Disable a Personal Workflow")
            .WithDescription("Clears spec.enabled: the workflow keeps its slot and history but does not run. Written back and audited. Only the owner." + ActAs)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{name}", DeleteAsync)
            .WithName("DeleteWorkflow")
            .WithSummary("Delete a Personal Workflow")
            .WithDescription("Deletes the PersonalWorkflow resource (in a cluster with a resourceVersion precondition); audited. Only the owner." + ActAs)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{name}/runs", RunsAsync)
            .WithName("ListWorkflowRuns")
            .WithSummary("Run history of a Personal Workflow")
            .WithDescription("Newest first, at most 'limit' (default 50, at most 200) per page; pass the answer's 'next' as 'after' for the following page. Only the owner." + ActAs)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<WorkflowSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext context, TenantConfigStore store, PersonalWorkflowReader reader, WorkflowRunStore runs, IOptions<SafedropOptions> options,
        CancellationToken cancellationToken)
    {
        var actor = Actor(context, store);
        if (actor.Problem is { } denied) return denied.ToResult();
        var listed = await reader.ListAsync(actor.Value!, cancellationToken);
        if (listed.Value is not { } workflows || options.Value.Mode != SafedropMode.Local) return OutcomeResults.Answer(listed);

        // Local mode has no resource status: the run figures come with the list, from the run records.
        var withFigures = new List<WorkflowSummary>(workflows.Count);
        foreach (var workflow in workflows)
            withFigures.Add(workflow with { Runs = await runs.FiguresAsync(workflow.Name, cancellationToken) });
        return TypedResults.Ok<IReadOnlyList<WorkflowSummary>>(withFigures);
    }

    private static async Task<Results<Ok<WorkflowSummary>, ProblemHttpResult>> GetAsync(
        string name, HttpContext context, TenantConfigStore store, PersonalWorkflowReader reader, WorkflowRunStore runs, IOptions<SafedropOptions> options,
        CancellationToken cancellationToken)
    {
        var actor = Actor(context, store);
        if (actor.Problem is { } denied) return denied.ToResult();
        var found = await reader.GetAsync(name, actor.Value!, cancellationToken);
        if (found.Value is not { } workflow || options.Value.Mode != SafedropMode.Local) return OutcomeResults.Answer(found);
        return TypedResults.Ok(workflow with { Runs = await runs.FiguresAsync(workflow.Name, cancellationToken) });
    }

    private static async Task<Results<Created<WorkflowChanged>, ProblemHttpResult>> CreateAsync(
        WorkflowBody body, HttpContext context, TenantConfigStore store, PersonalWorkflowEditor editor, CancellationToken cancellationToken)
    {
        var actor = Actor(context, store);
        if (actor.Problem is { } denied) return denied.ToResult();
        var outcome = await editor.CreateAsync(body, actor.Value!, cancellationToken);
        return outcome.Problem is { } problem ? problem.ToResult() : TypedResults.Created($"{Impersonation.Scope}/{outcome.Value!.Name}", outcome.Value);
    }

    private static async Task<Results<Ok<WorkflowChanged>, ProblemHttpResult>> UpdateAsync(
        string name, WorkflowBody body, HttpContext context, TenantConfigStore store, PersonalWorkflowEditor editor, CancellationToken cancellationToken) =>
        Actor(context, store) is { Problem: { } problem } ? problem.ToResult()
            : OutcomeResults.Answer(await editor.UpdateAsync(name, body, Actor(context, store).Value!, cancellationToken));

    private static async Task<Results<Ok<WorkflowChanged>, ProblemHttpResult>> EnableAsync(
        string name, HttpContext context, TenantConfigStore store, PersonalWorkflowEditor editor, CancellationToken cancellationToken) =>
        Actor(context, store) is { Problem: { } problem } ? problem.ToResult()
            : OutcomeResults.Answer(await editor.SetEnabledAsync(name, true, Actor(context, store).Value!, cancellationToken));

    private static async Task<Results<Ok<WorkflowChanged>, ProblemHttpResult>> DisableAsync(
        string name, HttpContext context, TenantConfigStore store, PersonalWorkflowEditor editor, CancellationToken cancellationToken) =>
        Actor(context, store) is { Problem: { } problem } ? problem.ToResult()
            : OutcomeResults.Answer(await editor.SetEnabledAsync(name, false, Actor(context, store).Value!, cancellationToken));

    private static async Task<Results<Ok<WorkflowChanged>, ProblemHttpResult>> DeleteAsync(
        string name, HttpContext context, TenantConfigStore store, PersonalWorkflowEditor editor, CancellationToken cancellationToken) =>
        Actor(context, store) is { Problem: { } problem } ? problem.ToResult()
            : OutcomeResults.Answer(await editor.DeleteAsync(name, Actor(context, store).Value!, cancellationToken));

    private static async Task<Results<Ok<WorkflowRunPage>, ProblemHttpResult>> RunsAsync(
        string name, int? limit, string? after, HttpContext context, TenantConfigStore store, PersonalWorkflowReader reader, CancellationToken cancellationToken)
    {
        var actor = Actor(context, store);
        if (actor.Problem is { } denied) return denied.ToResult();
        if ((await reader.OwnedAsync(name, actor.Value!, cancellationToken)).Problem is { } problem) return problem.ToResult();
        if (limit is < 1 or > WorkflowRunPageRequest.MaxLimit)
            return new ApiProblem(StatusCodes.Status400BadRequest, ProblemTypes.BadRequest, "Invalid limit", $"limit must be between 1 and {WorkflowRunPageRequest.MaxLimit}.").ToResult();

        var runs = context.RequestServices.GetRequiredService<IWorkflowRuns>();
        return TypedResults.Ok(await runs.ListAsync(name, new WorkflowRunPageRequest(limit ?? WorkflowRunPageRequest.DefaultLimit, after), cancellationToken));
    }

    private static Outcome<WorkflowActor> Actor(HttpContext context, TenantConfigStore store)
    {
        if (store.Current.Config is not { Organization: not null } config) return PackageProblems.NotServing;
        var identity = Impersonation.Resolve(context, config);
        return identity.Problem is { } problem ? problem : WorkflowActor.From(identity.Value!, context);
    }
}
