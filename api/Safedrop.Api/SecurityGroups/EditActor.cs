using Safedrop.Api.Audit;
using Safedrop.Api.Identity;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.SecurityGroups;

/// <summary>Who changes a resource through the API, and from where (for the audit log).</summary>
public sealed record EditActor(EmailAddress Address, string? ClientAddress)
{
    /// <summary>The signed-in address; the endpoint's authorization policy guarantees one.</summary>
    public static EditActor Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.User.SignedInAddress() ?? throw new InvalidOperationException("An authorization policy admitted a request without an address.");
        return new(address, context.Connection.RemoteIpAddress?.ToString());
    }

    public AuditEvent Event(string action, string resource, AuditOutcome outcome, string? rule = null, IReadOnlyDictionary<string, string>? details = null) =>
        new(action, Address.Value, resource, outcome, rule, details) { ClientAddress = ClientAddress };
}
