using System.Net;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;

namespace Safedrop.Api.Admin;

/// <summary>
/// Until sign-in exists, admin endpoints are served only in local mode and only to clients on this
/// machine. That is a real boundary, not a stand-in login: the connection's own remote address is
/// checked (no forwarded headers are trusted), local mode listens on 127.0.0.1 by default, and it
/// accepts only loopback host names then, so a web page cannot reach it through DNS rebinding.
/// In a cluster every admin request is refused until admins sign in.
/// </summary>
public sealed class LocalLoopbackOnlyFilter(IOptions<SafedropOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Value.Mode == SafedropMode.Local && IsLoopback(context.HttpContext.Connection.RemoteIpAddress))
            return await next(context);

        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            type: ProblemTypes.AdminLocalOnly,
            title: "Admin endpoints are local only",
            detail: "Until admin sign-in is available, admin endpoints answer only in local mode and only to clients on the same machine.");
    }

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
