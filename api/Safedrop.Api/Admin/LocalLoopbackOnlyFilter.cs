using System.Net;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;

namespace Safedrop.Api.Admin;

/// <summary>
/// Until sign-in exists, admin endpoints are served only in local mode and only to clients on this
/// machine. That is a real boundary, not a stand-in login: the connection's own remote address must
/// be loopback (no forwarded header is trusted), and so must the Host the request names, so that a
/// web page cannot reach the endpoint from the user's browser through DNS rebinding. Local mode
/// listens on 127.0.0.1 by default. In a cluster every admin request is refused until admins sign in.
/// </summary>
public sealed class LocalLoopbackOnlyFilter(IOptions<SafedropOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (options.Value.Mode == SafedropMode.Local && IsLoopback(http.Connection.RemoteIpAddress) && IsLoopbackHost(http.Request.Host))
            return await next(context);

        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            type: ProblemTypes.AdminLocalOnly,
            title: "Admin endpoints are local only",
            detail: "Until admin sign-in is available, admin endpoints answer only in local mode and only to clients on the same machine.");
    }

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>localhost, or a loopback address literal such as 127.0.0.1 or [::1].</summary>
    public static bool IsLoopbackHost(HostString host) =>
        host.HasValue
        && (string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Host, out var address) && IsLoopback(address)));
}
