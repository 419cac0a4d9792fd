namespace Safedrop.Portal.Tests.Browser;

/// <summary>One request a page made, as the network saw it: URL (never with a fragment), headers and body.</summary>
public sealed record RecordedRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, byte[]? Body)
{
    /// <summary>Whether the text appears anywhere in the request, the body read as UTF-8 (binary bodies are sealed parts).</summary>
    public bool Contains(string text) =>
        Url.Contains(text, StringComparison.Ordinal)
        || Headers.Any(h => h.Key.Contains(text, StringComparison.Ordinal) || h.Value.Contains(text, StringComparison.Ordinal))
        || (Body is not null && System.Text.Encoding.UTF8.GetString(Body).Contains(text, StringComparison.Ordinal));
}
