namespace Safedrop.Api.Identity;

internal static class ClientAddresses
{
    /// <summary>
    /// The connection's remote address, used for per-client limits and audit. Forwarded headers are not trusted
    /// here; a proxy in front must be configured with ASP.NET Core's forwarded-headers middleware.
    /// </summary>
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        return address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
