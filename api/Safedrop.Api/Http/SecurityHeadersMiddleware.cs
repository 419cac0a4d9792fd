using Microsoft.Extensions.Options;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Http;

/// <summary>
/// Security headers on every response, set when the response starts so that error handlers, which
/// clear headers, cannot drop them.
/// </summary>
public sealed class SecurityHeadersMiddleware
{
    private readonly RequestDelegate next;
    private readonly string portalPolicy;

    public SecurityHeadersMiddleware(RequestDelegate next, IOptions<StorageOptions> storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        this.next = next;
        portalPolicy = PolicyFor(storage.Value.PublicEndpoint);
    }

    public const string ApiReferencePath = "/scalar";

    /// <summary>
    /// For the API and the portal, which is plain files without a build step: scripts and styles only
    /// from this origin (no inline code), nothing framed, no plugins.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The portal's policy: with direct transfer, browsers PUT and GET parts at the object store's public
    /// endpoint, so that one origin (and no other) joins <c>connect-src</c>.
    /// </summary>
    public static string PolicyFor(string? storagePublicEndpoint) =>
        Uri.TryCreate(storagePublicEndpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"
            ? ContentSecurityPolicy.Replace("connect-src 'self'", $"connect-src 'self' {endpoint.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : ContentSecurityPolicy;

    /// <summary>
    /// The Scalar API reference boots from an inline script and injects styles at run time. It shows
    /// only the public OpenAPI document, so inline code is allowed on that page alone.
    /// </summary>
    public const string ApiReferenceContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var (http, portalPolicy) = ((HttpContext, string))state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(ApiReferencePath)
                ? ApiReferenceContentSecurityPolicy
                : portalPolicy;

            // API answers carry personal data (addresses, file names): no cache may keep them.
            if (http.Request.Path.StartsWithSegments("/v1")) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }, (context, portalPolicy));
        return next(context);
    }
}
