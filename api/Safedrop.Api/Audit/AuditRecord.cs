namespace Safedrop.Api.Audit;

/// <summary>
/// One link of the audit chain as stored: an <see cref="AuditEvent"/> with its place in the log
/// (<see cref="Sequence"/>, from 1 without gaps), the time it was recorded, and the hashes that chain it:
/// <see cref="Hash"/> = SHA-256 (lowercase hex) of the canonical serialization of every other field,
/// <see cref="PreviousHash"/> included (see <see cref="AuditRecordFormat"/>).
/// </summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset Time,
    string Action,
    string Actor,
    string? Resource,
    AuditOutcome Outcome,
    string? Rule,
    IReadOnlyDictionary<string, string>? Details,
    string? OnBehalfOf,
    string? ClientAddress,
    string PreviousHash,
    string Hash)
{
    /// <summary>The previous hash of the first record: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Chains <paramref name="auditEvent"/> after a record whose hash is <paramref name="previousHash"/>.</summary>
    public static AuditRecord Create(long sequence, DateTimeOffset time, AuditEvent auditEvent, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var unhashed = new AuditRecord(
            sequence, time.ToUniversalTime(), auditEvent.Action, auditEvent.Actor, auditEvent.Resource, auditEvent.Outcome,
            auditEvent.Rule, auditEvent.Details, auditEvent.OnBehalfOf, auditEvent.ClientAddress, previousHash, Hash: "");
        return unhashed with { Hash = AuditRecordFormat.ComputeHash(unhashed) };
    }
}
