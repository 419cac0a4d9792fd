using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Safedrop.Api.Storage;

/// <summary>Ready while the object store answers (and its bucket exists); otherwise says which endpoint failed and how.</summary>
public sealed class StorageHealthCheck(IObjectStore store, TimeProvider time) : IHealthCheck
{
    public const string Name = "object-storage";

    /// <summary>A probe must answer before Kubernetes' own probe timeout.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await store.EnsureReadyAsync(linked.Token);
            return HealthCheckResult.Healthy("Object storage is reachable.");
        }
        catch (StorageUnavailableException e)
        {
            return HealthCheckResult.Unhealthy($"Object storage is unreachable: {e.Message}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Object storage did not answer within {Timeout.TotalSeconds:0} s.");
        }
    }
}
