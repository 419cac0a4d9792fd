using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Safedrop.Resources.Schema;

/// <summary>Patterns and formats of string fields.</summary>
internal static partial class StringRules
{
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    // The API server matches with RE2, which never backtracks; so does this (and accepts the same syntax).
    public static bool Matches(string pattern, string text) =>
        Compiled.GetOrAdd(pattern, p => new Regex(p, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)).IsMatch(text);

    /// <summary>Loose checks of the formats our schemas use; any other format passes, as on the API server.</summary>
    public static bool HasFormat(string format, string text) => format switch
    {
        "date-time" => DateTimeShape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        // Go's url.ParseRequestURI: an absolute URI or an absolute path.
        "uri" => text.StartsWith('/') || (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme.Length > 0 && !text.Contains(' ', StringComparison.Ordinal)),
        _ => true,
    };

    // RFC 3339 and the ISO 8601 variants go-openapi's strfmt also accepts (no seconds, no zone, a space for T).
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex DateTimeShape();
}
