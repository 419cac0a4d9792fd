using Safedrop.Operator.Kube;
using Safedrop.Operator.Runtime.Controllers;
using Safedrop.Resources.Compilation;

namespace Safedrop.Operator.Reconcilers;

/// <summary>
/// Reconciles one tenant namespace: compile every Safedrop resource in it, run the Organization's
/// platform, and report each resource's status. Reads come from the caches; writes happen only
/// where something differs, so a tenant with nothing changed costs no write.
/// </summary>
internal sealed class TenantReconciler(OperatorCaches caches, ChildSync children, StatusSync statuses, DataRetention retention) : IReconciler<string>
{
    /// <summary>Writes made by the last reconcile (children and statuses), for tests and logs.</summary>
    public int LastWrites { get; private set; }

    public async Task<ReconcileResult> ReconcileAsync(string @namespace, CancellationToken cancellationToken)
    {
        var tenant = TenantSnapshot.Read(caches, @namespace);
        var compiled = TenantCompiler.Compile(tenant.Input);
        var organization = tenant.Organization;
        var writes = 0;

        if (organization?.Metadata.DeletionTimestamp is not null)
        {
            LastWrites = await retention.FinalizeAsync(organization, caches, cancellationToken) ? 1 : 0;
            return ReconcileResult.Done;
        }

        var health = PlatformHealth.NotStarted;
        if (organization is not null && compiled.Config.Organization is not null)
        {
            var finalized = await retention.EnsureFinalizerAsync(organization, cancellationToken);
            writes += ReferenceEquals(finalized, organization) ? 0 : 1;
            writes += await children.SyncAsync(finalized, compiled.Config, caches, cancellationToken);
            health = PlatformHealth.Of(finalized, compiled.Config, caches);
        }

        writes += await statuses.WriteAsync(tenant, compiled, health, cancellationToken);
        LastWrites = writes;
        return ReconcileResult.Done;
    }
}
