using System.Globalization;
using Microsoft.Extensions.Options;
using Safedrop.Api.Audit;
using Safedrop.Api.Workflows.Engine.Copy;
using Safedrop.Api.Workflows.Events;
using Safedrop.Api.Workflows.Status;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>
/// Runs one workflow for one event: at most once to completion (the idempotency key is workflow name + event id),
/// actions in order, each tried with backoff up to <see cref="WorkflowEngineOptions.MaxAttempts"/>; the first action
/// that keeps failing fails the run and the later ones do not run. Every run is recorded and audited.
/// </summary>
public sealed class WorkflowRunner(
    WorkflowRunStore runs, WebhookDelivery webhooks, EmailNotification mail, WorkspaceCopy copies, ActionSlots slots, IAuditLog audit,
    IWorkflowStatusWriter status, IOptions<WorkflowEngineOptions> options, TimeProvider time)
{
    public const string AuditAction = "workflow.run";

    /// <summary>Runs the workflow unless a finished run for this event exists; returns the run as recorded.</summary>
    public async Task<WorkflowRun> RunAsync(CompiledWorkflow workflow, WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(workflowEvent);
        if (await runs.RunIdForAsync(workflow.Name, workflowEvent, cancellationToken) is { } existingId)
        {
            var existing = await runs.GetAsync(workflow.Name, existingId, cancellationToken);
            if (existing is { State: WorkflowRunState.Succeeded or WorkflowRunState.Failed }) return existing;
        }

        // A run interrupted before it finished (a crash) starts again under a new id; the key now points at it.
        var run = new WorkflowRun(WorkflowRunStore.NewRunId(time.GetUtcNow(), workflowEvent.Id), workflow.Name, workflow.Owner,
            workflowEvent.Type.ToString(), workflowEvent.Id, time.GetUtcNow(), null, WorkflowRunState.Running, 0,
            [.. workflow.Actions.Select(a => new WorkflowActionResult(Describe(a), false, "not run yet", 0, null))]);
        await runs.ClaimAsync(workflow.Name, workflowEvent, run.Id, cancellationToken);
        await runs.SaveAsync(run, cancellationToken);

        var results = run.Actions.ToList();
        var failed = false;
        for (var i = 0; i < workflow.Actions.Count; i++)
        {
            if (failed)
            {
                results[i] = results[i] with { Detail = "not run: an earlier action failed" };
                continue;
            }
            var (result, attempts) = await AttemptAsync(workflow, workflow.Actions[i], workflowEvent, run with { Actions = results }, i, cancellationToken);
            results[i] = new WorkflowActionResult(results[i].Action, result.Succeeded, result.Detail, attempts, time.GetUtcNow());
            failed = !result.Succeeded;
        }

        run = run with
        {
            Actions = results,
            Attempts = results.Sum(r => r.Attempts),
            State = failed ? WorkflowRunState.Failed : WorkflowRunState.Succeeded,
            FinishedAt = time.GetUtcNow(),
        };
        // The outcome must be kept even when the engine is stopping.
        await runs.SaveAsync(run, CancellationToken.None);
        status.Report(run);
        await audit.RecordAsync(new AuditEvent(AuditAction, workflow.Owner, "workflow/" + workflow.Name,
            failed ? AuditOutcome.Failed : AuditOutcome.Succeeded, Details: new Dictionary<string, string>
            {
                ["run"] = run.Id,
                ["event"] = workflowEvent.Id,
                ["trigger"] = run.Trigger,
                ["attempts"] = run.Attempts.ToString(CultureInfo.InvariantCulture),
            }), CancellationToken.None);
        return run;
    }

    private async Task<(ActionAttempt Result, int Attempts)> AttemptAsync(
        CompiledWorkflow workflow, WorkflowAction action, WorkflowEvent workflowEvent, WorkflowRun progress, int index, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        ActionAttempt result = ActionAttempt.Failure("not tried");
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            result = await slots.RunAsync(workflow.Owner, () => ExecuteAsync(workflow, action, workflowEvent, cancellationToken), cancellationToken);
            if (result.Succeeded || !result.Retryable || attempt == settings.MaxAttempts) return (result, attempt);

            var actions = progress.Actions.ToList();
            actions[index] = actions[index] with { Detail = $"try {attempt} failed: {result.Detail}; retrying", Attempts = attempt, At = time.GetUtcNow() };
            progress = progress with { State = WorkflowRunState.Retrying, Actions = actions };
            await runs.SaveAsync(progress, cancellationToken);
            await Task.Delay(Backoff.Delay(attempt, settings.RetryBaseDelay, settings.RetryMaxDelay), time, cancellationToken);
        }
        return (result, settings.MaxAttempts);
    }

    private Task<ActionAttempt> ExecuteAsync(CompiledWorkflow workflow, WorkflowAction action, WorkflowEvent workflowEvent, CancellationToken cancellationToken) =>
        action switch
        {
            { Webhook: { } webhook } => webhooks.DeliverAsync(webhook, workflowEvent, cancellationToken),
            { Email: { } email } => mail.SendAsync(workflow, email, workflowEvent, cancellationToken),
            { CopyToWorkspace: { } copy } => copies.RunAsync(workflow, copy, workflowEvent, cancellationToken),
            _ => Task.FromResult(ActionAttempt.Failure("the action sets none of webhook, copyToWorkspace or email", retryable: false)),
        };

    public static string Describe(WorkflowAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action switch
        {
            { Webhook: { } webhook } => "webhook " + webhook.Url,
            { Email: { } email } => email.To.Count == 0 ? "email to the owner" : "email to " + string.Join(", ", email.To),
            { CopyToWorkspace: { } copy } => $"copyToWorkspace {copy.Workspace}:{copy.Folder}",
            _ => "unknown",
        };
    }
}
