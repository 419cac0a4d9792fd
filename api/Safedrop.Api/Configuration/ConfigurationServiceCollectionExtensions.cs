using k8s;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Safedrop.Api.Configuration;

public static class ConfigurationServiceCollectionExtensions
{
    /// <summary>The tenant configuration: its options, the store the API reads and the source that fills it.</summary>
    public static IServiceCollection AddTenantConfiguration(this IServiceCollection services)
    {
        services.AddOptions<SafedropOptions>()
            .BindConfiguration(SafedropOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SafedropOptions>, SafedropOptionsValidator>();

        services.AddOptions<LocalModeOptions>()
            .BindConfiguration(LocalModeOptions.SectionName)
            .PostConfigure(o =>
            {
                if (!string.IsNullOrWhiteSpace(o.Folder)) o.Folder = Path.GetFullPath(o.Folder);
                if (!string.IsNullOrWhiteSpace(o.DataFolder)) o.DataFolder = Path.GetFullPath(o.DataFolder);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalModeOptions>, LocalModeOptionsValidator>();

        services.AddOptions<ClusterModeOptions>().BindConfiguration(ClusterModeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterModeOptions>, ClusterModeOptionsValidator>();
        // Resolved only in cluster mode; tests put a client for their API server here instead.
        services.TryAddSingleton<IKubernetes>(sp => new Kubernetes(sp.GetRequiredService<IOptions<ClusterModeOptions>>().Value.Kubeconfig is { } kubeconfig
            ? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)
            : KubernetesClientConfiguration.InClusterConfig()));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TenantConfigStore>();
        // Each source runs only in its own mode.
        services.AddHostedService<LocalFolderConfigSource>();
        services.AddHostedService<SnapshotConfigSource>();
        return services;
    }
}
