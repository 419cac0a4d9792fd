using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Safedrop.Api.Workspaces.Sharing;

public static class SharingServiceCollectionExtensions
{
    /// <summary>
    /// Workspace shares (the <see cref="IWorkspaceShares"/> that <see cref="WorkspaceAccess"/> resolves roles with),
    /// admin approvals and web links over the Workspace file services (SPEC §3). Goes with <c>AddWorkspaces()</c>.
    /// </summary>
    public static IServiceCollection AddWorkspaceSharing(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton<Http.PublicUrls>();
        services.AddSingleton<WorkspaceShareStore>();
        // The one registration of IWorkspaceShares in the app: Add, not TryAdd, so nothing registered earlier can
        // take its place; only a test's ConfigureTestServices (which runs last) replaces it.
        services.AddSingleton<IWorkspaceShares>(sp => sp.GetRequiredService<WorkspaceShareStore>());
        services.AddSingleton<ShareMails>();
        services.AddSingleton<SharingAccess>();
        services.AddSingleton<WorkspaceSharing>();
        services.AddSingleton<ShareApprovals>();
        services.AddSingleton<WebLinkStore>();
        services.AddSingleton<WebLinks>();
        services.AddSingleton<WebLinkAccess>();
        services.AddSingleton<IWebLinkFiles, WorkspaceWebLinkFiles>();
        return services;
    }
}
