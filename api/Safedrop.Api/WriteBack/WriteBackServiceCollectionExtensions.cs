using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.WriteBack;

public static class WriteBackServiceCollectionExtensions
{
    /// <summary>The <see cref="IResourceWriter"/> of the mode: the tenant folder's YAML in local mode, the Kubernetes API in a cluster.</summary>
    public static IServiceCollection AddResourceWriteBack(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LocalYamlResourceWriter>();
        services.AddSingleton<KubernetesResourceWriter>();
        services.AddSingleton<IResourceWriter>(sp => sp.GetRequiredService<IOptions<SafedropOptions>>().Value.Mode == SafedropMode.Local
            ? sp.GetRequiredService<LocalYamlResourceWriter>()
            : sp.GetRequiredService<KubernetesResourceWriter>());
        return services;
    }
}
