using Safedrop.Api.Audit;
using Safedrop.Api.Identity.Impersonation;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Workflows.Api;

/// <summary>
/// Who a workflow request acts as (<see cref="Owner"/>: the signed-in user, or the user an admin impersonates) and,
/// when impersonating, the <see cref="Admin"/> — recorded as the audit event's <c>OnBehalfOf</c> ("the admin acting
/// for Actor"), while the actor is the user whose workflows change.
/// </summary>
public sealed record WorkflowActor(EmailAddress Owner, EmailAddress? Admin, string? ClientAddress)
{
    public static WorkflowActor From(ActingIdentity identity, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(context);
        return new(identity.Address, identity.Admin, context.Connection.RemoteIpAddress?.ToString());
    }

    public AuditEvent Event(string action, string workflow, AuditOutcome outcome, string? rule = null, IReadOnlyDictionary<string, string>? details = null) =>
        new(action, Owner.Value, "workflow/" + workflow, outcome, rule, details) { OnBehalfOf = Admin?.Value, ClientAddress = ClientAddress };
}
