using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safedrop.Resources.Schema;

/// <summary>
/// Converts the loosely typed values a schema holds (<c>default</c>, <c>enum</c>) into JSON. They arrive as
/// CLR values from the generator, as <see cref="JsonElement"/> from JSON and as boxed scalars or
/// dictionaries from YAML.
/// </summary>
internal static class SchemaValues
{
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        Enum member => JsonValue.Create(member.ToString()),
        byte or sbyte or short or ushort or int or uint or long => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong or float or double => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        decimal number => JsonValue.Create(number),
        IDictionary map => ToObject(map),
        IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(ToNode)]),
        _ => throw new NotSupportedException($"Schema value of type {value.GetType().Name} has no JSON form."),
    };

    private static JsonObject ToObject(IDictionary map)
    {
        var result = new JsonObject();
        foreach (DictionaryEntry entry in map)
        {
            result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = ToNode(entry.Value);
        }

        return result;
    }
}
