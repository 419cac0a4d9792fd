using System.Globalization;

namespace Safedrop.Api.Audit;

/// <summary>
/// Object keys of the audit log. A segment is named after its first sequence, zero-padded to 20 digits so
/// that key order is sequence order and the segment after sequence N is found at a known key, without listing.
/// </summary>
public static class AuditKeys
{
    public const string Head = "audit/head.json";
    public const string SegmentPrefix = "audit/segments/";
    private const string SegmentSuffix = ".jsonl";

    public static string Segment(long firstSequence) =>
        SegmentPrefix + firstSequence.ToString("D20", CultureInfo.InvariantCulture) + SegmentSuffix;

    /// <summary>The first sequence a segment key names; false for any other key under the prefix.</summary>
    public static bool TryParseSegment(string key, out long firstSequence)
    {
        firstSequence = 0;
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith(SegmentPrefix, StringComparison.Ordinal) || !key.EndsWith(SegmentSuffix, StringComparison.Ordinal)) return false;
        var digits = key[SegmentPrefix.Length..^SegmentSuffix.Length];
        return digits.Length == 20
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out firstSequence)
            && firstSequence > 0;
    }
}
