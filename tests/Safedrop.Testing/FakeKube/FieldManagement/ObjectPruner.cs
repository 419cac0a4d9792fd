using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>
/// Removes the fields an applier gave up (owned before, omitted now, owned by nobody else). Objects this
/// empties are removed too, as the API server does.
/// </summary>
internal static class ObjectPruner
{
    public static void Remove(JsonNode? node, FieldSet paths, FieldSchema schema)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (element, below) in paths.Children)
                {
                    if (!element.StartsWith("f:", StringComparison.Ordinal)) continue;
                    var name = element[2..];
                    if (!obj.ContainsKey(name)) continue;
                    if (below.IsMember)
                    {
                        obj.Remove(name);
                        continue;
                    }

                    var child = obj[name];
                    var wasEmpty = IsEmpty(child);
                    Remove(child, below, schema.Property(name));
                    if (!wasEmpty && IsEmpty(child)) obj.Remove(name);
                }

                break;
            case JsonArray list when ListItems.IsMergeable(schema):
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    var element = ListItems.ElementOf(schema, list[i], i);
                    if (!paths.Children.TryGetValue(element, out var below)) continue;
                    if (below.IsMember) list.RemoveAt(i);
                    else Remove(list[i], below, schema.Items);
                }

                break;
        }
    }

    private static bool IsEmpty(JsonNode? node) => node is JsonObject { Count: 0 };
}
