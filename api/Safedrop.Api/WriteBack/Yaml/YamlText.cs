using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Safedrop.Api.WriteBack.Yaml;

/// <summary>
/// Writes JSON values as block YAML in the style of hand-written manifests (two-space indents, plain
/// scalars where they read back as the same string, double quotes otherwise).
/// </summary>
internal static partial class YamlText
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text that follows <c>key:</c> for <paramref name="value"/>, its lines indented by <paramref name="indent"/>.</summary>
    public static string AfterKey(JsonNode? value, int indent, string newline) => value switch
    {
        JsonArray { Count: 0 } => " []",
        JsonObject { Count: 0 } => " {}",
        JsonArray array => string.Concat(array.Select(item => newline + Spaces(indent) + "-" + AfterDash(item, indent + 2, newline))),
        JsonObject mapping => string.Concat(mapping.Select(p => newline + Spaces(indent) + Key(p.Key) + ":" + AfterKey(p.Value, indent + 2, newline))),
        _ => " " + Scalar(value),
    };

    /// <summary>The text that follows <c>-</c> for a list item; the item's further lines are indented by <paramref name="indent"/>.</summary>
    public static string AfterDash(JsonNode? item, int indent, string newline)
    {
        if (item is not JsonObject { Count: > 0 } mapping) return item is JsonArray { Count: > 0 } ? " " + item.ToJsonString(Quoting) : AfterKey(item, indent, newline);
        var lines = new StringBuilder();
        var first = true;
        foreach (var (key, value) in mapping)
        {
            lines.Append(first ? " " : newline + Spaces(indent)).Append(Key(key)).Append(':').Append(AfterKey(value, indent + 2, newline));
            first = false;
        }

        return lines.ToString();
    }

    /// <summary>A whole document for a new resource.</summary>
    public static string Document(JsonObject root, string newline = "\n")
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder();
        foreach (var (key, value) in root) text.Append(Key(key)).Append(':').Append(AfterKey(value, 2, newline)).Append(newline);
        return text.ToString();
    }

    public static string Scalar(JsonNode? value)
    {
        if (value is null) return "null";
        var element = value.AsValue();
        return element.GetValueKind() switch
        {
            JsonValueKind.String => Text(element.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.ToJsonString(),
        };
    }

    public static string Spaces(int count) => new(' ', count);

    private static string Key(string key) => Text(key);

    /// <summary>Plain when YAML reads it back as this very string, else double-quoted (JSON escapes are YAML escapes).</summary>
    private static string Text(string text) => IsPlainSafe(text) ? text : JsonSerializer.Serialize(text, Quoting);

    private static bool IsPlainSafe(string text) =>
        text.Length > 0
        && text.Trim() == text
        && !NonString().IsMatch(text)
        && "-?:,[]{}#&*!|>'\"%@`".IndexOf(text[0], StringComparison.Ordinal) < 0
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(" #", StringComparison.Ordinal)
        && !text.EndsWith(':')
        && text.All(c => !char.IsControl(c) && c != '\uFEFF')
        && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    // What a YAML 1.2 core schema (or a YAML 1.1 reader) would read as null, a boolean or a number.
    [GeneratedRegex(@"^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?\.?[0-9].*|[-+]?\.(?:inf|nan))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonString();
}
