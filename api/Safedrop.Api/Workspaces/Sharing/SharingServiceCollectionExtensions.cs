using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Safedrop.Api.Workspaces.Sharing;

public static class SharingServiceCollectionExtensions
{
    /// <summary>Workspace shares (the <see cref="IWorkspaceShares"/> in force), admin approvals and web links (SPEC §3).</summary>
    public static IServiceCollection AddWorkspaceSharing(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton<Http.PublicUrls>();
        services.AddSingleton<WorkspaceShareStore>();
        services.AddSingleton<IWorkspaceShares>(sp => sp.GetRequiredService<WorkspaceShareStore>());
        services.AddSingleton<ShareLock>();
        services.AddSingleton<ShareMails>();
        services.AddSingleton<SharingAccess>();
        services.AddSingleton<WorkspaceSharing>();
        services.AddSingleton<ShareApprovals>();
        services.AddSingleton<WebLinkStore>();
        services.AddSingleton<WebLinks>();
        services.AddSingleton<WebLinkAccess>();
        // PENDING: replaced by an adapter over the Workspace file services once they are merged.
        services.TryAddSingleton<IWebLinkFiles, PendingWebLinkFiles>();
        return services;
    }
}
