using System.Globalization;
using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Patching;

/// <summary>JSON patch (RFC 6902): add, remove, replace, move, copy and test, with JSON pointers (RFC 6901).</summary>
internal static class JsonPatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonArray operations) throw Invalid("a JSON patch must be an array of operations");
        var document = target?.DeepClone();
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op) throw Invalid("a JSON patch operation must be an object");
            var path = op["path"]?.GetValue<string>() ?? throw Invalid("missing path");
            switch (op["op"]?.GetValue<string>())
            {
                case "add":
                    document = Add(document, path, Value(op));
                    break;
                case "remove":
                    document = Remove(document, path, out _);
                    break;
                case "replace":
                    document = Remove(document, path, out _);
                    document = Add(document, path, Value(op));
                    break;
                case "move":
                    var from = op["from"]?.GetValue<string>() ?? throw Invalid("missing from");
                    document = Remove(document, from, out var moved);
                    document = Add(document, path, moved);
                    break;
                case "copy":
                    var source = op["from"]?.GetValue<string>() ?? throw Invalid("missing from");
                    document = Add(document, path, Get(document, source)?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(document, path), op["value"])) throw Invalid($"testing value {path} failed");
                    break;
                default:
                    throw Invalid("unknown JSON patch operation " + op["op"]);
            }
        }

        return document;
    }

    private static JsonNode? Value(JsonObject op) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw Invalid("missing value");

    private static List<string> Tokens(string pointer)
    {
        if (pointer.Length == 0) return [];
        if (!pointer.StartsWith('/')) throw Invalid($"invalid JSON pointer {pointer}");
        return [.. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static JsonNode? Get(JsonNode? document, string pointer)
    {
        var node = document;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject obj when obj.ContainsKey(token) => obj[token],
                JsonArray list when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count => list[i],
                _ => throw Invalid($"doc is missing path: \"{pointer}\""),
            };
        }

        return node;
    }

    private static JsonNode? Add(JsonNode? document, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0) return value;
        var parent = Get(document, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray list when last == "-":
                list.Add(value);
                break;
            case JsonArray list when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= list.Count:
                list.Insert(i, value);
                break;
            default:
                throw Invalid($"doc is missing path: \"{pointer}\"");
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, string pointer, out JsonNode? removed)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0) throw Invalid("cannot remove the whole document");
        var parent = Get(document, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                removed = obj[last];
                obj.Remove(last);
                return document;
            case JsonArray list when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count:
                removed = list[i];
                list.RemoveAt(i);
                return document;
            default:
                throw Invalid($"Unable to remove nonexistent key: {last}: missing value");
        }
    }

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static KubeApiException Invalid(string message) => new(StatusBodies.UnprocessablePatch(message));
}
