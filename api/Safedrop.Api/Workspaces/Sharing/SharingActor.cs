using Safedrop.Api.Audit;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>Who is asking: the address a PIN proved and where the request came from (for the audit log).</summary>
public sealed record SharingActor(EmailAddress Address, string? ClientAddress)
{
    public static SharingActor Of(HttpContext context, EmailAddress address)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(address, context.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>An event about <c>workspace/{name}</c> (or a part of it, such as <c>workspace/{name}/links/{id}</c>).</summary>
    public AuditEvent Event(string action, string resource, AuditOutcome outcome, string? rule = null, IReadOnlyDictionary<string, string>? details = null) =>
        new(action, Address.Value, resource, outcome, rule, details) { ClientAddress = ClientAddress };
}
