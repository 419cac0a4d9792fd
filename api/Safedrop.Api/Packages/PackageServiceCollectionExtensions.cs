using Safedrop.Api.Http;

namespace Safedrop.Api.Packages;

public static class PackageServiceCollectionExtensions
{
    /// <summary>Packages and Dropzone uploads: creation, transfer, completion, access, boxes and retention.</summary>
    public static IServiceCollection AddPackages(this IServiceCollection services)
    {
        services.AddOptions<PackageOptions>().BindConfiguration(PackageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<PackageStore>();
        services.AddSingleton<PackageCreation>();
        services.AddSingleton<PackageUploads>();
        services.AddSingleton<PackageAccess>();
        services.AddSingleton<PackageDownloads>();
        services.AddSingleton<PackageBoxes>();
        services.AddSingleton<PackageNotifier>();
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweeper>());
        return services;
    }
}
