using Safedrop.Api.Audit;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Packages;

/// <summary>Who is asking: the address a PIN proved and where the request came from (for the audit log).</summary>
public sealed record PackageActor(EmailAddress Address, string? ClientAddress)
{
    public static PackageActor Of(HttpContext context, EmailAddress address)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(address, context.Connection.RemoteIpAddress?.ToString());
    }

    public AuditEvent Event(string action, string packageId, AuditOutcome outcome, string? rule = null, IReadOnlyDictionary<string, string>? details = null) =>
        new(action, Address.Value, "package/" + packageId, outcome, rule, details) { ClientAddress = ClientAddress };
}
