using Safedrop.Operator.Runtime.Apply;
using Safedrop.Operator.Runtime.Events;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Reconcilers;

/// <summary>
/// Writes every resource's status from the compiler's verdict (and the platform's health on the
/// Organization), only where something changed, and records an Event when Ready flips.
/// </summary>
internal sealed class StatusSync(KubeWriter writer, EventRecorder events, TimeProvider time)
{
    /// <returns>The number of status writes.</returns>
    public async Task<int> WriteAsync(TenantSnapshot tenant, CompilationResult result, PlatformHealth platform, CancellationToken cancellationToken)
    {
        var writes = 0;
        var now = time.GetUtcNow();
        foreach (var resource in tenant.Input.All)
        {
            var verdict = result.Find(resource.Kind, resource.Metadata.Name);
            if (verdict is null) continue;

            var copy = TenantSnapshot.Copy(resource);
            var wasReady = Conditions.Find(resource.CommonStatus.Conditions, ConditionTypes.Ready)?.Status;
            var governing = copy is Organization && ReferenceEquals(resource, tenant.Organization);
            var changed = StatusWriter.Apply(copy, governing ? platform.Combine(verdict) : verdict, now);
            if (governing) changed |= platform.ApplyEndpoint(((Organization)copy).Status);
            if (copy is Dropzone dropzone) changed |= platform.ApplyUploadUrl(dropzone);
            if (!changed) continue;

            await writer.PatchStatusAsync(copy, OwnedStatus(copy), cancellationToken);
            writes++;
            await RecordTransitionAsync(copy, wasReady, cancellationToken);
        }

        return writes;
    }

    /// <summary>
    /// The status fields the operator owns. A PersonalWorkflow's run figures belong to the API, which patches them
    /// after runs: they are left out (a merge patch leaves absent fields alone), so that the operator's cached copy,
    /// possibly older than the API's last write, never puts back stale figures.
    /// </summary>
    internal static object OwnedStatus(ISafedropResource resource) => resource switch
    {
        PersonalWorkflow workflow => new PersonalWorkflowStatus
        {
            Conditions = workflow.Status.Conditions,
            ObservedGeneration = workflow.Status.ObservedGeneration,
        },
        _ => resource.CommonStatus,
    };

    private async Task RecordTransitionAsync(ISafedropResource resource, ConditionStatus? wasReady, CancellationToken cancellationToken)
    {
        var ready = Conditions.Find(resource.CommonStatus.Conditions, ConditionTypes.Ready);
        if (ready is null || ready.Status == wasReady) return;
        if (ready.Status == ConditionStatus.True)
            await events.RecordAsync(resource, EventRecorder.Normal, "Ready", ready.Message, "Reconcile", cancellationToken);
        else
            await events.RecordAsync(resource, EventRecorder.Warning, ready.Reason, ready.Message, "Reconcile", cancellationToken);
    }
}
