using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safedrop.Testing.Tests.KubeWire;

/// <summary>One recorded request/response pair from <c>../shared/kube-wire/*.http</c>.</summary>
public sealed record HttpExchange(
    string Name,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int StatusCode,
    IReadOnlyList<JsonNode> ResponseValues)
{
    public bool IsWatch => Path.Contains("watch=1", StringComparison.Ordinal) || Path.Contains("watch=true", StringComparison.Ordinal);

    public string? ContentType => Headers.GetValueOrDefault("content-type");

    public static HttpExchange Parse(string name, string text)
    {
        var parts = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("### response", 2);
        var request = parts[0].Split('\n').SkipWhile(l => !l.StartsWith("### request", StringComparison.Ordinal)).Skip(1).ToList();
        var response = parts[1].Split('\n').ToList();
        var (requestLine, headers, body) = Split(request);
        var (statusLine, _, responseBody) = Split(response);
        var target = requestLine.Split(' ', 2);
        var status = int.Parse(statusLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return new HttpExchange(name, target[0], target[1].Trim(), headers, body, status, ReadValues(responseBody));
    }

    /// <summary>Every JSON value in a body: one for most responses, one per event for a watch (however they are laid out).</summary>
    public static List<JsonNode> ReadValues(string text)
    {
        var values = new List<JsonNode>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            if (JsonNode.Parse(ref reader) is { } value) values.Add(value);
        }

        return values;
    }

    private static (string First, Dictionary<string, string> Headers, string Body) Split(List<string> lines)
    {
        var rest = lines.SkipWhile(string.IsNullOrWhiteSpace).ToList();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 1;
        for (; i < rest.Count && rest[i].Trim().Length > 0; i++)
        {
            var colon = rest[i].IndexOf(':', StringComparison.Ordinal);
            headers[rest[i][..colon].Trim()] = rest[i][(colon + 1)..].Trim();
        }

        return (rest[0].Trim(), headers, string.Join('\n', rest.Skip(i)).Trim());
    }
}
