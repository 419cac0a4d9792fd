using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.Health;

namespace Safedrop.Api.Caches;

public static class CachesServiceCollectionExtensions
{
    /// <summary>
    /// The PIN and session caches as keyed <see cref="IKeyValueCache"/> services: Redis in cluster mode, memory in
    /// local mode unless that cache's <c>ConnectionString</c> is set (the PIN benchmark runs local mode on Redis);
    /// each with a readiness check.
    /// </summary>
    public static IServiceCollection AddCaches(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>();
        var checks = services.AddHealthChecks();
        foreach (var cacheName in new[] { CacheNames.Pin, CacheNames.Session })
        {
            services.AddOptions<CacheOptions>(cacheName).BindConfiguration(CacheOptions.SectionOf(cacheName)).ValidateOnStart();
            services.AddKeyedSingleton<IKeyValueCache>(cacheName, (sp, _) => Create(sp, cacheName));
            checks.Add(new HealthCheckRegistration(
                cacheName + "-cache",
                sp => new CacheHealthCheck(sp.GetRequiredKeyedService<IKeyValueCache>(cacheName), cacheName),
                failureStatus: HealthStatus.Unhealthy,
                tags: [HealthEndpoints.ReadinessTag]));
        }

        return services;
    }

    private static IKeyValueCache Create(IServiceProvider services, string cacheName)
    {
        var mode = services.GetRequiredService<IOptions<SafedropOptions>>().Value.Mode;
        var options = services.GetRequiredService<IOptionsMonitor<CacheOptions>>().Get(cacheName);
        if (mode == SafedropMode.Local && string.IsNullOrWhiteSpace(options.ConnectionString))
            return new MemoryKeyValueCache(services.GetRequiredService<TimeProvider>());

        return new RedisKeyValueCache(cacheName, options.ConnectionString!);
    }
}
