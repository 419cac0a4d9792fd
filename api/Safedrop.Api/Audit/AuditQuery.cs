namespace Safedrop.Api.Audit;

/// <summary>
/// Filters of <c>GET /v1/admin/audit</c>. All are optional and combine with AND. Time: <c>From &lt;= time &lt; To</c>.
/// <see cref="Actor"/> matches exactly, ignoring case (addresses are compared that way); <see cref="Resource"/>
/// matches exactly; <see cref="Action"/> matches exactly, or as a prefix when it ends with '.' (<c>auth.</c>).
/// <see cref="Cursor"/> is the sequence to continue from (inclusive), going back in time.
/// </summary>
public sealed record AuditQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? Action = null,
    string? Resource = null,
    int PageSize = AuditQuery.DefaultPageSize,
    long? Cursor = null)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public bool Matches(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (From is null || record.Time >= From)
            && (To is null || record.Time < To)
            && (Actor is null || string.Equals(record.Actor, Actor, StringComparison.OrdinalIgnoreCase))
            && (Resource is null || string.Equals(record.Resource, Resource, StringComparison.Ordinal))
            && (Action is null || (Action.EndsWith('.')
                ? record.Action.StartsWith(Action, StringComparison.Ordinal)
                : string.Equals(record.Action, Action, StringComparison.Ordinal)));
    }
}

/// <summary>One page, newest first. <see cref="NextCursor"/> is null when nothing older is left.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, string? NextCursor);
