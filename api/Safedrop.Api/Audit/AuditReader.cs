using System.Globalization;

namespace Safedrop.Api.Audit;

/// <summary>
/// Pages through the log newest first (admins look for what just happened), reading segments from the end.
/// One request reads at most <see cref="ScanBudget"/> records, so a filter that matches little answers with a
/// short (even empty) page and a cursor instead of reading the whole log at once. Integrity is the verifier's
/// job: lines that cannot be parsed are skipped here.
/// </summary>
public sealed class AuditReader(AuditStore store)
{
    public const int ScanBudget = 10_000;

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var start = query.Cursor ?? long.MaxValue;
        var items = new List<AuditRecord>(query.PageSize);
        var scanned = 0;
        var segments = await store.ListSegmentsAsync(cancellationToken);
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            if (segments[i].FirstSequence > start) continue;
            var content = await store.ReadSegmentAsync(segments[i].Key, cancellationToken);
            if (content is null) continue;
            var records = AuditRecordFormat.Lines(content)
                .Select(line => AuditRecordFormat.TryParse(line, out var record, out _) ? record : null)
                .OfType<AuditRecord>()
                .Where(record => record.Sequence <= start)
                .OrderByDescending(record => record.Sequence);
            foreach (var record in records)
            {
                scanned++;
                if (query.Matches(record)) items.Add(record);
                if (items.Count == query.PageSize || scanned >= ScanBudget)
                    return new AuditPage(items, record.Sequence > 1 ? Cursor(record.Sequence - 1) : null);
            }
        }

        return new AuditPage(items, null);
    }

    public static string Cursor(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseCursor(string text, out long sequence) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out sequence) && sequence > 0;
}
