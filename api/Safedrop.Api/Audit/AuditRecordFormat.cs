using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Safedrop.Api.Audit;

/// <summary>
/// The one serialization of a record that hashes are computed over, and the JSON line it is stored as.
/// Canonical form: a JSON object with the fields in a fixed order, time as UTC with 7 fraction digits,
/// details sorted by key (ordinal), absent values as <c>null</c>, the default (ASCII-escaping) encoder, no
/// whitespace. The stored line is the canonical form with <c>"hash"</c> appended as the last field, so a
/// verifier re-canonicalizes what it parsed and compares, whatever else an editor changed.
/// </summary>
public static class AuditRecordFormat
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ComputeHash(AuditRecord record)
    {
        var canonical = Write(record, includeHash: false);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    /// <summary>The record as one JSON line (UTF-8, ending with '\n').</summary>
    public static byte[] ToLine(AuditRecord record)
    {
        var json = Write(record, includeHash: true);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>Reads one stored line; false (with why) when it is not a well-formed record.</summary>
    public static bool TryParse(string line, out AuditRecord? record, out string? problem)
    {
        record = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            Dictionary<string, string>? details = null;
            if (root.GetProperty("details") is { ValueKind: JsonValueKind.Object } detailsElement)
            {
                details = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in detailsElement.EnumerateObject())
                    details[property.Name] = property.Value.GetString() ?? throw new FormatException($"Detail {property.Name} is null.");
            }

            record = new AuditRecord(
                root.GetProperty("sequence").GetInt64(),
                DateTimeOffset.ParseExact(Required(root, "time"), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                Required(root, "action"),
                Required(root, "actor"),
                Optional(root, "resource"),
                Enum.Parse<AuditOutcome>(Required(root, "outcome")),
                Optional(root, "rule"),
                details,
                Optional(root, "onBehalfOf"),
                Optional(root, "clientAddress"),
                Required(root, "previousHash"),
                Required(root, "hash"));
            problem = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            problem = e.Message;
            return false;
        }
    }

    private static byte[] Write(AuditRecord record, bool includeHash)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence", record.Sequence);
            writer.WriteString("time", record.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            writer.WriteString("action", record.Action);
            writer.WriteString("actor", record.Actor);
            writer.WriteString("resource", record.Resource);
            writer.WriteString("outcome", record.Outcome.ToString());
            writer.WriteString("rule", record.Rule);
            if (record.Details is null)
            {
                writer.WriteNull("details");
            }
            else
            {
                writer.WriteStartObject("details");
                foreach (var (key, value) in record.Details.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                    writer.WriteString(key, value);
                writer.WriteEndObject();
            }

            writer.WriteString("onBehalfOf", record.OnBehalfOf);
            writer.WriteString("clientAddress", record.ClientAddress);
            writer.WriteString("previousHash", record.PreviousHash);
            if (includeHash) writer.WriteString("hash", record.Hash);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Required(JsonElement root, string name) =>
        root.GetProperty(name).GetString() ?? throw new FormatException($"Field {name} is null.");

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>Splits a segment object into its lines (the last may lack its newline).</summary>
    public static IEnumerable<string> Lines(byte[] segment) =>
        Encoding.UTF8.GetString(segment).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
