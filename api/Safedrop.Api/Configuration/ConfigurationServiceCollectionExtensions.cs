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

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TenantConfigStore>();
        services.AddHostedService<LocalFolderConfigSource>();
        return services;
    }
}
