namespace Safedrop.Api.Audit;

/// <summary>
/// <c>audit/head.json</c>: where the chain ends, written after each segment. It lets a writer chain on
/// without listing every segment, and lets a verifier notice a tail that was cut off.
/// </summary>
public sealed record AuditChainHead(long LastSequence, string LastHash, string? LastSegmentKey)
{
    /// <summary>The chain before its first record.</summary>
    public static readonly AuditChainHead Empty = new(0, AuditRecord.GenesisHash, null);
}
