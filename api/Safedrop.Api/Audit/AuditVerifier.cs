namespace Safedrop.Api.Audit;

/// <summary>
/// Checks the whole chain from its first record: segment names, sequences, hashes, links, and that the head
/// names exactly the last record. Reads the head first, so a concurrent append can only make the walk see
/// more than the head, never less; such a surplus is confirmed under the append lock before it is reported.
/// </summary>
public sealed class AuditVerifier(AuditStore store, AuditAppendLock appendLock)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var head = await store.ReadHeadAsync(cancellationToken) ?? AuditChainHead.Empty;
        var check = AuditChainCheck.FromStart();
        string? hashAtHead = head.LastSequence == 0 ? AuditRecord.GenesisHash : null;
        string? segmentAtHead = null;

        foreach (var (first, key) in await store.ListSegmentsAsync(cancellationToken))
        {
            var expected = check.LastSequence + 1;
            if (first != expected)
            {
                check.Break(expected, first > expected ? AuditBreakReasons.Gap : AuditBreakReasons.Reordered,
                    first > expected ? $"No segment holds sequence {expected}; the next one starts at {first}." : $"Segment {key} starts at {first}, inside the records before it.");
                break;
            }

            var content = await store.ReadSegmentAsync(key, cancellationToken);
            var lines = content is null ? [] : AuditRecordFormat.Lines(content).ToList();
            if (lines.Count == 0)
            {
                check.Break(expected, AuditBreakReasons.Malformed, $"Segment {key} holds no records.");
                break;
            }

            for (var i = 0; i < lines.Count; i++)
            {
                if (!check.Accept(lines[i]))
                {
                    // A sequence that turns up later in the same segment was moved, not deleted.
                    if (check.Reason == AuditBreakReasons.Gap && AppearsLater(lines, i + 1, check.FirstBrokenSequence!.Value))
                        return new AuditVerification(false, check.Records, check.FirstBrokenSequence, AuditBreakReasons.Reordered, $"Record {check.FirstBrokenSequence} is stored out of order in {key}.");
                    return Broken(check);
                }

                if (check.LastSequence == head.LastSequence)
                {
                    hashAtHead = check.LastHash;
                    segmentAtHead = key;
                }
            }
        }

        if (check.Broken) return Broken(check);
        if (head.LastSequence > check.LastSequence)
            return Broken(check, check.LastSequence + 1, AuditBreakReasons.HeadMismatch, $"The head names records up to {head.LastSequence}, but the log ends at {check.LastSequence}: the tail is missing.");
        if (!string.Equals(hashAtHead, head.LastHash, StringComparison.Ordinal) || (head.LastSequence > 0 && segmentAtHead != head.LastSegmentKey))
            return Broken(check, head.LastSequence, AuditBreakReasons.HeadMismatch, $"The head's hash or segment for record {head.LastSequence} is not the stored record's.");
        if (head.LastSequence < check.LastSequence)
        {
            // Either an append ran during the walk, or a head update was lost. Under the lock no append is halfway.
            AuditChainHead settled;
            await using (await appendLock.AcquireAsync(cancellationToken))
                settled = await store.ReadHeadAsync(cancellationToken) ?? AuditChainHead.Empty;
            if (settled.LastSequence < check.LastSequence)
                return Broken(check, settled.LastSequence + 1, AuditBreakReasons.HeadBehind, $"Records {settled.LastSequence + 1} to {check.LastSequence} are not acknowledged by the head: its update was lost (the next append adopts them if they chain).");
        }

        return new AuditVerification(true, check.Records);
    }

    private static bool AppearsLater(List<string> lines, int from, long sequence)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (AuditRecordFormat.TryParse(lines[i], out var record, out _) && record!.Sequence == sequence) return true;
        }

        return false;
    }

    private static AuditVerification Broken(AuditChainCheck check) =>
        new(false, check.Records, check.FirstBrokenSequence, check.Reason, check.Detail);

    private static AuditVerification Broken(AuditChainCheck check, long sequence, string reason, string detail) =>
        new(false, check.Records, sequence, reason, detail);
}
