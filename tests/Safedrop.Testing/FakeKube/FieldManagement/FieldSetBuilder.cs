using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>
/// The fields an applied configuration sets: every leaf, every atomic list or object, and every item of a
/// set or map list (structured-merge-diff's ToFieldSet). Empty objects set nothing.
/// </summary>
internal static class FieldSetBuilder
{
    public static FieldSet Of(JsonNode? value, FieldSchema schema)
    {
        var set = new FieldSet();
        Walk(value, schema, [], set);
        return set;
    }

    private static void Walk(JsonNode? value, FieldSchema schema, List<string> path, FieldSet set)
    {
        switch (value)
        {
            case JsonObject obj when !schema.IsAtomicObject:
                foreach (var (name, child) in obj)
                    Walk(child, schema.Property(name), [.. path, PathElements.Field(name)], set);
                break;
            case JsonArray list when ListItems.IsMergeable(schema):
                foreach (var (element, item) in ListItems.Keyed(schema, list))
                {
                    List<string> itemPath = [.. path, element];
                    set.Insert(itemPath);
                    if (schema.ListType == ListType.Map) Walk(item, schema.Items, itemPath, set);
                }

                break;
            default:
                set.Insert(path);
                break;
        }
    }
}
