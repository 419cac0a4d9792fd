using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.WriteBack;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Status;

/// <summary>
/// Cluster mode: finished runs are tallied in memory per workflow and written every
/// <see cref="WorkflowEngineOptions.StatusInterval"/> (so at most once per interval per workflow, however many runs
/// finish) as a JSON merge patch of the status subresource: <c>status.runs</c> (the resource's counts plus this
/// replica's new runs) and <c>status.lastRun</c> (when newer), under the field manager <c>safedrop-api</c>. The patch
/// carries the read resourceVersion, so replicas adding their runs at once never lose each other's counts (409, read
/// again). Conditions are the operator's and are never sent. Figures not yet written when a replica dies are lost
/// (at most one interval's worth); the run records in object storage stay complete.
/// </summary>
public sealed partial class KubernetesWorkflowStatusWriter(
    IKubernetes client, IOptions<ClusterModeOptions> cluster, IOptions<WorkflowEngineOptions> options, TimeProvider time,
    ILogger<KubernetesWorkflowStatusWriter> logger) : BackgroundService, IWorkflowStatusWriter
{
    public const string FieldManager = KubernetesResourceWriter.FieldManager;
    private const int MaxAttempts = 5;

    private readonly Lock gate = new();
    private readonly SemaphoreSlim flushing = new(1, 1);
    private Dictionary<string, WorkflowRunFigures> pending = new(StringComparer.Ordinal);

    public void Report(WorkflowRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.State is not (WorkflowRunState.Succeeded or WorkflowRunState.Failed)) return;
        lock (gate) pending[run.Workflow] = pending.GetValueOrDefault(run.Workflow, WorkflowRunFigures.None).Add(run);
    }

    /// <summary>Workflows with figures not written yet.</summary>
    public int Pending
    {
        get { lock (gate) return pending.Count; }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StatusInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown ran out of time: the run records still hold every run.
        }
    }

    /// <summary>Writes every workflow's pending figures now; returns the number of status writes. Public for tests.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        await flushing.WaitAsync(cancellationToken);
        try
        {
            Dictionary<string, WorkflowRunFigures> batch;
            lock (gate) (batch, pending) = (pending, new Dictionary<string, WorkflowRunFigures>(StringComparer.Ordinal));
            var writes = 0;
            foreach (var (name, added) in batch)
            {
                try
                {
                    if (await WriteAsync(name, added, cancellationToken)) writes++;
                    else Requeue(name, added);
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
                {
                    LogGone(logger, name);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Requeue(name, added);
                    LogFailed(logger, e, name);
                }
            }
            return writes;
        }
        finally
        {
            flushing.Release();
        }
    }

    private async Task<bool> WriteAsync(string name, WorkflowRunFigures added, CancellationToken cancellationToken)
    {
        var ns = cluster.Value.Namespace ?? throw new InvalidOperationException("Safedrop:Cluster:Namespace is not set.");
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var read = await client.CustomObjects.GetNamespacedCustomObjectStatusAsync(
                Organization.Group, Organization.Version, ns, PersonalWorkflow.Plural, name, cancellationToken);
            var workflow = CustomObjectJson.Read<PersonalWorkflow>(read);
            var patch = Patch(workflow, added);
            try
            {
                await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
                    Organization.Group, Organization.Version, ns, PersonalWorkflow.Plural, name, fieldManager: FieldManager, cancellationToken: cancellationToken);
                return true;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && attempt < MaxAttempts)
            {
                // The operator (or another replica) wrote meanwhile: read the new counts and add ours again.
            }
        }
        return false;
    }

    /// <summary>The merge patch: the resource's counts plus <paramref name="added"/>, and the last run when ours is newer.</summary>
    public static JsonObject Patch(PersonalWorkflow workflow, WorkflowRunFigures added)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(added);
        var current = workflow.Status.Runs;
        var succeeded = (current?.Succeeded ?? 0) + added.Succeeded;
        var failed = (current?.Failed ?? 0) + added.Failed;
        var status = new JsonObject
        {
            ["runs"] = new JsonObject { ["total"] = succeeded + failed, ["succeeded"] = succeeded, ["failed"] = failed },
        };
        var known = workflow.Status.LastRun?.FinishedAt;
        if (added.LastRun is { } last && (known is null || last.FinishedAt >= known))
        {
            status["lastRun"] = new JsonObject
            {
                ["id"] = last.Id,
                ["state"] = last.State.ToString(),
                ["startedAt"] = last.StartedAt,
                ["finishedAt"] = last.FinishedAt,
            };
        }
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = workflow.Metadata.ResourceVersion },
            ["status"] = status,
        };
    }

    private void Requeue(string name, WorkflowRunFigures added)
    {
        lock (gate) pending[name] = pending.TryGetValue(name, out var later) ? added.Plus(later) : added;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PersonalWorkflow {Workflow} is gone; its run figures are not written")]
    private static partial void LogGone(ILogger logger, string workflow);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the run figures of PersonalWorkflow {Workflow} failed; trying again later")]
    private static partial void LogFailed(ILogger logger, Exception exception, string workflow);
}
