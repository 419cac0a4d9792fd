namespace Safedrop.Api.Workflows.Status;

/// <summary>
/// Reports finished runs to where a workflow's status lives: the PersonalWorkflow resource's status subresource in a
/// cluster (<see cref="KubernetesWorkflowStatusWriter"/>); nowhere in local mode, where the same figures are part of
/// the answer of <c>GET /v1/workflows</c> instead (<see cref="WorkflowRunFigures"/>).
/// </summary>
public interface IWorkflowStatusWriter
{
    /// <summary>Takes note of a finished run; never blocks the run on the write.</summary>
    void Report(WorkflowRun run);
}

/// <summary>Local mode: there is no resource status to write.</summary>
public sealed class NoWorkflowStatusWriter : IWorkflowStatusWriter
{
    public void Report(WorkflowRun run)
    {
    }
}

/// <summary>Stands in for the cluster's status writer among the hosted services in local mode.</summary>
internal sealed class NoHostedService : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
