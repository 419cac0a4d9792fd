using System.Globalization;
using System.Text.Json.Nodes;

namespace Safedrop.Resources.Tests.Schema;

/// <summary>Sets or removes a field of a JSON document by a Kubernetes-style path such as <c>spec.collaborators[0].role</c>.</summary>
internal static class JsonEdits
{
    /// <summary>Stands for "remove the field" in table rows, where a JSON text stands for a value.</summary>
    public const string Removed = "<removed>";

    public static JsonObject With(this JsonObject document, string path, string json)
    {
        var (parent, last) = Parent(document, path);
        var value = json == Removed ? null : JsonNode.Parse(json);
        switch (parent)
        {
            case JsonObject obj when json == Removed:
                obj.Remove(last);
                break;
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                array[int.Parse(last, CultureInfo.InvariantCulture)] = value;
                break;
        }

        return document;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode document, string path)
    {
        var steps = path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        var node = document;
        foreach (var step in steps[..^1])
        {
            node = (node is JsonArray array ? array[int.Parse(step, CultureInfo.InvariantCulture)] : node[step])
                ?? throw new ArgumentException($"{path}: nothing at {step}");
        }

        return (node, steps[^1]);
    }
}
