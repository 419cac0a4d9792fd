using System.Net;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;

namespace Safedrop.Api.Admin;

/// <summary>
/// The tenant's status is for admins signed in by PIN, and in local mode also for the person at this
/// machine, who runs the API and edits its YAML anyway. That local path is a real boundary: the
/// connection's own remote address must be loopback (no forwarded header is trusted), and so must the
/// Host the request names, so that a web page cannot reach it from the user's browser through DNS rebinding.
/// </summary>
public sealed class AdminOrLocalOperatorFilter(IOptions<SafedropOptions> options, TenantConfigStore tenant) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (options.Value.Mode == SafedropMode.Local && IsLoopback(http.Connection.RemoteIpAddress) && IsLoopbackHost(http.Request.Host))
            return await next(context);
        if (http.User.SignedInAddress() is not { } address)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized, title: "Not signed in",
                detail: "Sign in with a PIN as an admin of the Organization.");
        }
        if (tenant.Current.Config?.IsAdmin(address) == true) return await next(context);
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden, title: "Admins only",
            detail: $"{address} is not an admin of the Organization.");
    }

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>localhost, or a loopback address literal such as 127.0.0.1 or [::1].</summary>
    public static bool IsLoopbackHost(HostString host) =>
        host.HasValue
        && (string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Host, out var address) && IsLoopback(address)));
}
