using System.Globalization;
using System.Text.RegularExpressions;

namespace Safedrop.Resources.Schema;

/// <summary>
/// Rewrites a pattern for the API server, which compiles schema patterns with Go's RE2: RE2 has no
/// <c>\uXXXX</c> escape, so a CRD using one is refused. ASCII escapes become <c>\xHH</c> and other
/// characters are written literally; both forms mean the same in RE2 and in .NET.
/// </summary>
internal static partial class KubernetesPattern
{
    public static string From(string pattern) =>
        UnicodeEscape().Replace(pattern, m => m.Groups["lead"].Value + Literal(m.Groups["hex"].Value));

    private static string Literal(string hex)
    {
        var code = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (code < 0x80) return "\\x" + code.ToString("x2", CultureInfo.InvariantCulture);
        if (char.IsSurrogate((char)code)) throw new NotSupportedException($"Pattern escape \\u{hex} is half a surrogate pair.");
        return ((char)code).ToString();
    }

    // An escape is a \u preceded by an even number of backslashes (an odd count would escape the backslash itself).
    [GeneratedRegex(@"(?<lead>(?<!\\)(?:\\\\)*)\\u(?<hex>[0-9A-Fa-f]{4})")]
    private static partial Regex UnicodeEscape();
}
