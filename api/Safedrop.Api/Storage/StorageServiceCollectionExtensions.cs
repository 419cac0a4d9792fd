using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.Health;

namespace Safedrop.Api.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Local mode's folder under the data folder that holds the objects.</summary>
    public const string LocalObjectsFolder = "objects";

    /// <summary>
    /// The object store of the mode (Minio in a cluster, a folder under <c>Safedrop:Local:DataFolder</c> in local
    /// mode), made ready at start with retries, and a readiness check that fails while it is unreachable. Local mode
    /// uses S3 too when <c>Safedrop:Storage:Endpoint</c> is set, so one process can run against a real object store
    /// (the transfer benchmark does; with <c>PublicEndpoint</c> set transfers go direct, else they stream through the API).
    /// </summary>
    public static IServiceCollection AddObjectStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IObjectStore>(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return sp.GetRequiredService<IOptions<SafedropOptions>>().Value.Mode == SafedropMode.Local && !storage.IsConfigured
                ? new FolderObjectStore(Path.Combine(sp.GetRequiredService<IOptions<LocalModeOptions>>().Value.DataFolder, LocalObjectsFolder), time)
                : new MinioObjectStore(storage, time);
        });
        services.AddHostedService<StorageStartup>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [HealthEndpoints.ReadinessTag]);
        return services;
    }
}
