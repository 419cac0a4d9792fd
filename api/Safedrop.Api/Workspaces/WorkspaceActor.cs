using Safedrop.Api.Audit;
using Safedrop.Api.Identity;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Workspaces;

/// <summary>Who is asking: the address a PIN proved and where the request came from (for the audit log).</summary>
public sealed record WorkspaceActor(EmailAddress Address, string? ClientAddress)
{
    public static WorkspaceActor Of(HttpContext context, EmailAddress address)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(address, context.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>The signed-in caller of an endpoint whose authorization policy demands a signed-in address.</summary>
    public static WorkspaceActor SignedIn(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context, context.User.SignedInAddress() ?? throw new InvalidOperationException("The signed-in policy admitted a request without an address."));
    }

    /// <summary>An event about <c>workspace/{name}</c> or <c>workspace/{name}/{path}</c>.</summary>
    public AuditEvent Event(string action, string workspace, string? path, AuditOutcome outcome, string? rule = null, IReadOnlyDictionary<string, string>? details = null) =>
        EventOn(action, Resource(workspace, path), outcome, rule, details);

    /// <summary>An event about another resource of a Workspace, such as a web link (<c>workspace/{name}/links/{id}</c>).</summary>
    public AuditEvent EventOn(string action, string resource, AuditOutcome outcome, string? rule = null, IReadOnlyDictionary<string, string>? details = null) =>
        new(action, Address.Value, resource, outcome, rule, details) { ClientAddress = ClientAddress };

    public static string Resource(string workspace, string? path) =>
        string.IsNullOrEmpty(path) ? "workspace/" + workspace : $"workspace/{workspace}/{path}";
}
