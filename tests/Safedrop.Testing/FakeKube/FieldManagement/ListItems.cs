using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>Names the items of a mergeable list by their path element (key for map lists, value for sets).</summary>
internal static class ListItems
{
    public static string ElementOf(FieldSchema list, JsonNode? item, int index) => list.ListType switch
    {
        ListType.Map when item is JsonObject obj => PathElements.Key(obj, list.MapKeys),
        ListType.Set => PathElements.Value(item),
        _ => PathElements.Index(index),
    };

    /// <summary>Items by element, first occurrence wins; keeps the list's order.</summary>
    public static List<(string Element, JsonNode? Item)> Keyed(FieldSchema list, JsonArray items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keyed = new List<(string, JsonNode?)>();
        for (var i = 0; i < items.Count; i++)
        {
            var element = ElementOf(list, items[i], i);
            if (seen.Add(element)) keyed.Add((element, items[i]));
        }

        return keyed;
    }

    public static bool IsMergeable(FieldSchema schema) => schema.ListType != ListType.Atomic;
}
