using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Safedrop.Api.Workspaces;

/// <summary>
/// Workspace files over HTTP, for every endpoint that stores or sends one (the Workspace's own and a web link's).
/// Uploads have no fixed body limit (the request-limits middleware steps aside): the body is limited to its Content-Length instead.
/// </summary>
public static class WorkspaceFileHttp
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

    /// <summary>Streams a file out with its length, name and time; the result disposes the stream once written.</summary>
    public static FileStreamHttpResult Send(HttpContext context, FileDownload download)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(download);
        context.Response.ContentLength = download.Entry.Size;
        return TypedResults.Stream(download.Content, "application/octet-stream", download.Entry.WorkspacePath.Name, download.Entry.ModifiedAt);
    }

    private sealed class NoFixedLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null;
    }
}
