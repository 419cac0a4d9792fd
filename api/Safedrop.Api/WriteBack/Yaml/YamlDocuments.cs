namespace Safedrop.Api.WriteBack.Yaml;

/// <summary>
/// A multi-document YAML text cut into its documents, each with the <c>---</c> line that opens it and every
/// comment up to the next, so that removing one and joining the rest leaves the others byte for byte.
/// </summary>
internal static class YamlDocuments
{
    /// <summary>The pieces, in order; concatenated they are the text again. A marker is <c>---</c> at the start of a line.</summary>
    public static List<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<string>();
        var start = 0;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var end = text.IndexOf('\n', lineStart);
            var lineEnd = end < 0 ? text.Length : end + 1;
            if (lineStart > start && IsMarker(text.AsSpan(lineStart, lineEnd - lineStart)))
            {
                pieces.Add(text[start..lineStart]);
                start = lineStart;
            }

            lineStart = lineEnd;
        }

        pieces.Add(text[start..]);
        return pieces;
    }

    private static bool IsMarker(ReadOnlySpan<char> line) =>
        line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || char.IsWhiteSpace(line[3]));
}
