using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Safedrop.Api.Workspaces;

/// <summary>
/// The request body of a Workspace file upload, for every endpoint that stores one (the Workspace's own and a web
/// link's): no fixed body limit (the request-limits middleware steps aside), the body limited to its Content-Length instead.
/// </summary>
public static class WorkspaceUploadBody
{
    public static RouteHandlerBuilder AcceptsWorkspaceUpload(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new NoFixedLimit()).Accepts<Stream>("application/octet-stream");

    /// <summary>The declared Content-Length, which becomes the limit: the server refuses to read past it whatever the framing says.</summary>
    public static long? LimitToDeclaredLength(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var length = context.Request.ContentLength;
        if (length is { } declared && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = declared;
        return length;
    }

    private sealed class NoFixedLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null;
    }
}
