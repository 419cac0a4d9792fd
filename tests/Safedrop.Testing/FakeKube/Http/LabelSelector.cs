using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Http;

/// <summary>A <c>labelSelector</c> query: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a</c>, <c>!a</c>, <c>a in (x,y)</c>, <c>a notin (x)</c>.</summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> requirements = [];

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        if (string.IsNullOrWhiteSpace(text)) return selector;
        foreach (var part in SplitTopLevel(text))
        {
            var requirement = part.Trim();
            selector.requirements.Add(ParseRequirement(requirement));
        }

        return selector;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => requirements.All(r => r(labels));

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string text)
    {
        if (text.StartsWith('!')) return labels => !labels.ContainsKey(text[1..].Trim());
        var notIn = text.IndexOf(" notin ", StringComparison.Ordinal);
        if (notIn > 0)
        {
            var (key, values) = (text[..notIn].Trim(), Values(text[(notIn + 7)..]));
            return labels => !labels.TryGetValue(key, out var v) || !values.Contains(v);
        }

        var @in = text.IndexOf(" in ", StringComparison.Ordinal);
        if (@in > 0)
        {
            var (key, values) = (text[..@in].Trim(), Values(text[(@in + 4)..]));
            return labels => labels.TryGetValue(key, out var v) && values.Contains(v);
        }

        var ne = text.IndexOf("!=", StringComparison.Ordinal);
        if (ne > 0)
        {
            var (key, value) = (text[..ne].Trim(), text[(ne + 2)..].Trim());
            return labels => !labels.TryGetValue(key, out var v) || v != value;
        }

        var eq = text.IndexOf('=');
        if (eq > 0)
        {
            var key = text[..eq].Trim();
            var value = text[(eq + 1)..].TrimStart('=').Trim();
            return labels => labels.TryGetValue(key, out var v) && v == value;
        }

        if (text.Length == 0) throw new KubeApiException(StatusBodies.BadRequest("unable to parse requirement: empty"));
        return labels => labels.ContainsKey(text);
    }

    private static HashSet<string> Values(string text) =>
        [.. text.Trim().TrimStart('(').TrimEnd(')').Split(',').Select(v => v.Trim())];

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }
}
