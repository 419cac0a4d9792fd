using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Safedrop.Api.Caches;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The audit log over the registered <see cref="IObjectStore"/>, serialized across replicas by a lock in the
    /// session cache (<see cref="IKeyValueCache"/> keyed <see cref="CacheNames.Session"/>); its writer is a hosted service.
    /// </summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AuditStore(sp.GetRequiredService<IObjectStore>()));
        services.AddSingleton(sp => new AuditAppendLock(
            sp.GetRequiredKeyedService<IKeyValueCache>(CacheNames.Session),
            sp.GetRequiredService<IOptions<AuditOptions>>().Value));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddHostedService(sp => sp.GetRequiredService<AuditLog>());
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditReader>();
        return services;
    }
}
