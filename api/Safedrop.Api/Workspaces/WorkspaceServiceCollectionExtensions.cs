using Microsoft.Extensions.DependencyInjection.Extensions;
using Safedrop.Api.Caches;

namespace Safedrop.Api.Workspaces;

public static class WorkspaceServiceCollectionExtensions
{
    /// <summary>
    /// Workspaces: creation (through the resource writer, when one is registered), roles, folders, files and quota.
    /// Roles count the shares of <see cref="IWorkspaceShares"/>, which <c>AddWorkspaceSharing()</c> registers.
    /// </summary>
    public static IServiceCollection AddWorkspaces(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new WorkspaceLock(sp.GetRequiredKeyedService<IKeyValueCache>(CacheNames.Session)));
        services.AddSingleton<WorkspaceTree>();
        services.AddSingleton<WorkspaceUsageStore>();
        services.AddSingleton<WorkspaceCreations>();
        services.AddSingleton<WorkspaceAccess>();
        services.AddSingleton<WorkspaceDirectory>();
        services.AddSingleton<WorkspaceFiles>();
        services.AddSingleton<WorkspaceFolders>();
        services.AddSingleton<WorkspaceMoves>();
        return services;
    }
}
