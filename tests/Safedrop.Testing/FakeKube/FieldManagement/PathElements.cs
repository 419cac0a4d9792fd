using System.Text;
using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Json;

namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>Spells path elements as fieldsV1 keys and prints paths the way conflict messages do (<c>.spec.members</c>).</summary>
internal static class PathElements
{
    public static string Field(string name) => "f:" + name;

    public static string Value(JsonNode? value) => "v:" + KubeJson.Write(value);

    public static string Index(int index) => "i:" + index;

    /// <summary>The key of a map-list item: its key fields, sorted by name, as compact JSON.</summary>
    public static string Key(JsonObject item, IReadOnlyList<string> keys)
    {
        var key = new JsonObject();
        foreach (var name in keys.Order(StringComparer.Ordinal))
        {
            if (item[name] is { } value) key[name] = value.DeepClone();
        }

        return "k:" + KubeJson.Write(key);
    }

    public static string Display(IEnumerable<string> path)
    {
        var text = new StringBuilder();
        foreach (var element in path)
        {
            var body = element[2..];
            switch (element[0])
            {
                case 'f':
                    text.Append('.').Append(body);
                    break;
                case 'v':
                    text.Append("[=").Append(body).Append(']');
                    break;
                case 'i':
                    text.Append('[').Append(body).Append(']');
                    break;
                case 'k':
                    var fields = JsonNode.Parse(body)!.AsObject().Select(p => p.Key + "=" + KubeJson.Write(p.Value));
                    text.Append('[').Append(string.Join(",", fields)).Append(']');
                    break;
                default:
                    text.Append(element);
                    break;
            }
        }

        return text.ToString();
    }
}
