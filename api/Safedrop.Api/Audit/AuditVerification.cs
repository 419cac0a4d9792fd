using System.Text.Json.Serialization;

namespace Safedrop.Api.Audit;

/// <summary>
/// The answer of <c>GET /v1/admin/audit/verify</c>: whether the chain is whole, how many records were checked,
/// and at the first break its sequence, a stable <see cref="AuditBreakReasons">reason</see> and a human detail.
/// </summary>
public sealed record AuditVerification(
    bool Ok,
    long Records,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FirstBrokenSequence = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null);
