namespace Safedrop.Api.Audit;

/// <summary>What the audit writer logs: counts, sequences and action names, never an event's other fields.</summary>
internal static partial class AuditLogMessages
{
    [LoggerMessage(1, LogLevel.Information, "Audit segment {SegmentKey} written: {RecordCount} record(s), sequences {FirstSequence}-{LastSequence}, actions {ActionCounts}")]
    public static partial void SegmentWritten(ILogger logger, string segmentKey, int recordCount, long firstSequence, long lastSequence, string actionCounts);

    [LoggerMessage(2, LogLevel.Warning, "Audit head not updated after {SegmentKey} ({Reason}); the next append adopts the segment")]
    public static partial void HeadNotUpdated(ILogger logger, string segmentKey, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Audit segment {SegmentKey} ({RecordCount} record(s)) was not acknowledged by the head; it chains and is adopted")]
    public static partial void AdoptedSegment(ILogger logger, string segmentKey, long recordCount);

    [LoggerMessage(4, LogLevel.Error, "Audit append of {RecordCount} record(s) failed ({ErrorType}): {Reason}")]
    public static partial void AppendFailed(ILogger logger, int recordCount, string errorType, string reason);
}
