namespace Safedrop.Api.Audit;

/// <summary>Why a chain breaks at a record: stable codes the verify endpoint returns.</summary>
public static class AuditBreakReasons
{
    /// <summary>A line is not a well-formed record.</summary>
    public const string Malformed = "malformed";
    /// <summary>A record's hash does not match its content (it was edited).</summary>
    public const string HashMismatch = "hash-mismatch";
    /// <summary>A record's previousHash is not the hash of the record before it (one was replaced or re-hashed).</summary>
    public const string ChainBroken = "chain-broken";
    /// <summary>Sequences are missing (a record or segment was deleted).</summary>
    public const string Gap = "gap";
    /// <summary>Records or segments are out of sequence order, or a segment's name does not match its first record.</summary>
    public const string Reordered = "reordered";
    /// <summary>The head names records that are not there (the tail was cut off) or a hash other than the last record's.</summary>
    public const string HeadMismatch = "head-mismatch";
    /// <summary>Records exist after the head's sequence: its update was dropped (or a writer crashed before it; the next append repairs that).</summary>
    public const string HeadBehind = "head-behind";
}

/// <summary>
/// Walks records in stored order and checks each one: parses, is the next sequence, hashes to its own hash,
/// and chains onto the previous hash. Stops at the first break and says where and why.
/// </summary>
public sealed class AuditChainCheck
{
    private AuditChainCheck(long lastSequence, string lastHash)
    {
        LastSequence = lastSequence;
        LastHash = lastHash;
    }

    public long LastSequence { get; private set; }
    public string LastHash { get; private set; }
    public long Records { get; private set; }
    public long? FirstBrokenSequence { get; private set; }
    public string? Reason { get; private set; }
    public string? Detail { get; private set; }
    public bool Broken => FirstBrokenSequence is not null;

    public static AuditChainCheck FromStart() => new(0, AuditRecord.GenesisHash);

    public static AuditChainCheck Continue(long lastSequence, string lastHash) => new(lastSequence, lastHash);

    /// <summary>Checks the next stored line; false (and <see cref="Broken"/>) at the first break.</summary>
    public bool Accept(string line)
    {
        if (Broken) return false;
        var expected = LastSequence + 1;
        if (!AuditRecordFormat.TryParse(line, out var record, out var problem))
            return Break(expected, AuditBreakReasons.Malformed, $"Record after sequence {LastSequence} cannot be read: {problem}");
        if (record!.Sequence > expected)
            return Break(expected, AuditBreakReasons.Gap, $"Expected sequence {expected}, found {record.Sequence}.");
        if (record.Sequence < expected)
            return Break(expected, AuditBreakReasons.Reordered, $"Expected sequence {expected}, found {record.Sequence} again or out of order.");
        if (!string.Equals(AuditRecordFormat.ComputeHash(record), record.Hash, StringComparison.Ordinal))
            return Break(expected, AuditBreakReasons.HashMismatch, $"Record {expected} does not hash to its stored hash: its content was changed.");
        if (!string.Equals(record.PreviousHash, LastHash, StringComparison.Ordinal))
            return Break(expected, AuditBreakReasons.ChainBroken, $"Record {expected} does not chain onto record {LastSequence}.");
        LastSequence = record.Sequence;
        LastHash = record.Hash;
        Records++;
        return true;
    }

    /// <summary>Records a break found outside a single line (segment names, the head).</summary>
    public bool Break(long sequence, string reason, string detail)
    {
        if (Broken) return false;
        FirstBrokenSequence = sequence;
        Reason = reason;
        Detail = detail;
        return false;
    }
}
