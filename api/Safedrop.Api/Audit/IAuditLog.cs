namespace Safedrop.Api.Audit;

/// <summary>
/// The append-only, hash-chained audit log in object storage. <see cref="RecordAsync"/> returns once the
/// record is durable, so an answer never goes out for a decision that was not recorded.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}

/// <summary>
/// One audited fact. <paramref name="Action"/> is a dotted name (<c>auth.pin.verify</c>, <c>package.open</c>),
/// <paramref name="Actor"/> the normalised e-mail (or <c>anonymous</c>/<c>system</c>), <paramref name="Resource"/>
/// what it concerns (<c>package/{id}</c>, <c>dropzone/{name}</c>), <paramref name="Outcome"/> allowed, denied,
/// succeeded or failed, <paramref name="Rule"/> the rule that decided an access, and <paramref name="Details"/>
/// anything else worth keeping. Never put a secret (PIN, keycode, token) in any field.
/// </summary>
public sealed record AuditEvent(
    string Action,
    string Actor,
    string? Resource,
    AuditOutcome Outcome,
    string? Rule = null,
    IReadOnlyDictionary<string, string>? Details = null)
{
    /// <summary>The admin acting for <see cref="Actor"/> (impersonation), if any.</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>The client's IP address, when the event comes from a request.</summary>
    public string? ClientAddress { get; init; }
}

public enum AuditOutcome
{
    Allowed,
    Denied,
    Succeeded,
    Failed,
}
