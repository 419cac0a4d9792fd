namespace Safedrop.Api.Portal;

/// <summary>
/// The portal: plain files from wwwroot (no build step) and the page for its routes. The page is the
/// same for every route; the script decides what to show, and reads the secure link's keycode from the
/// URL fragment, which never reaches the server.
/// </summary>
public static class PortalEndpoints
{
    private const string Page = "index.html";

    /// <summary>Where a web link opens in a browser: this prefix and the token (the API answers it as the link's url).</summary>
    public const string WebLinkPage = "l/";

    public static WebApplication UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        app.MapFallbackToFile("/d/{name}", Page);
        app.MapFallbackToFile("/p/{packageId}", Page);
        app.MapFallbackToFile("/" + WebLinkPage + "{token}", Page);
        app.MapFallbackToFile("/w", Page);
        // A catch-all is optional, so this one route serves a Workspace's root and every folder in it.
        app.MapFallbackToFile("/w/{name}/{**folder}", Page);
        app.MapFallbackToFile("/admin/approvals", Page);
        app.MapFallbackToFile("/admin/groups", Page);
        // The workflow pages: the list, /new, /{name} and /{name}/runs; the admin's act-as pages mirror them.
        app.MapFallbackToFile("/workflows/{**page}", Page);
        app.MapFallbackToFile("/admin/workflows/{**page}", Page);
        return app;
    }
}
