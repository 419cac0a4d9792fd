using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Safedrop.Api.Caches;

/// <summary>Readiness: the cache answers a ping. Without it nobody can sign in, so the pod takes no traffic.</summary>
public sealed class CacheHealthCheck(IKeyValueCache cache, string cacheName) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await cache.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"The {cacheName} cache answers.");
        }
        catch (CacheUnavailableException e)
        {
            return HealthCheckResult.Unhealthy($"The {cacheName} cache is unreachable.", e);
        }
    }
}
