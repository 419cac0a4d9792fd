using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>The paths an update added, changed or removed.</summary>
internal sealed record Comparison(FieldSet Added, FieldSet Modified, FieldSet Removed)
{
    public FieldSet Changed => Added.Union(Modified);

    public bool IsSame => Added.IsEmpty && Modified.IsEmpty && Removed.IsEmpty;
}

/// <summary>Compares two versions of an object path by path, as structured-merge-diff's Compare does.</summary>
internal static class ObjectComparer
{
    public static Comparison Compare(JsonNode? before, JsonNode? after, FieldSchema schema)
    {
        var comparison = new Comparison(new FieldSet(), new FieldSet(), new FieldSet());
        Walk(before is not null, before, after is not null, after, schema, [], comparison);
        return comparison;
    }

    private static void Walk(bool hadBefore, JsonNode? before, bool hasAfter, JsonNode? after, FieldSchema schema, List<string> path, Comparison result)
    {
        if (!hadBefore && !hasAfter) return;
        if (IsGranularObject(hadBefore, before, hasAfter, after, schema) && !(IsEmpty(before) && IsEmpty(after)))
        {
            var beforeObj = before as JsonObject;
            var afterObj = after as JsonObject;
            var names = (beforeObj?.Select(p => p.Key) ?? []).Union(afterObj?.Select(p => p.Key) ?? [], StringComparer.Ordinal);
            foreach (var name in names)
            {
                var had = beforeObj?.ContainsKey(name) == true;
                var has = afterObj?.ContainsKey(name) == true;
                Walk(had, had ? beforeObj![name] : null, has, has ? afterObj![name] : null, schema.Property(name), [.. path, PathElements.Field(name)], result);
            }

            MarkContainer(hadBefore, hasAfter, path, result);
            return;
        }

        if (IsMergeableList(hadBefore, before, hasAfter, after, schema) && !(IsEmpty(before) && IsEmpty(after)))
        {
            var beforeItems = before is JsonArray b ? ListItems.Keyed(schema, b).ToDictionary(i => i.Element, i => i.Item, StringComparer.Ordinal) : [];
            var afterItems = after is JsonArray a ? ListItems.Keyed(schema, a).ToDictionary(i => i.Element, i => i.Item, StringComparer.Ordinal) : [];
            foreach (var element in beforeItems.Keys.Union(afterItems.Keys, StringComparer.Ordinal))
            {
                var had = beforeItems.TryGetValue(element, out var old);
                var has = afterItems.TryGetValue(element, out var now);
                List<string> itemPath = [.. path, element];
                if (schema.ListType == ListType.Map) Walk(had, old, has, now, schema.Items, itemPath, result);
                else Leaf(had, old, has, now, itemPath, result);
            }

            MarkContainer(hadBefore, hasAfter, path, result);
            return;
        }

        Leaf(hadBefore, before, hasAfter, after, path, result);
    }

    private static void Leaf(bool hadBefore, JsonNode? before, bool hasAfter, JsonNode? after, List<string> path, Comparison result)
    {
        if (!hadBefore) result.Added.Insert(path);
        else if (!hasAfter) result.Removed.Insert(path);
        else if (!JsonNode.DeepEquals(before, after)) result.Modified.Insert(path);
    }

    private static void MarkContainer(bool hadBefore, bool hasAfter, List<string> path, Comparison result)
    {
        if (!hadBefore) result.Added.Insert(path);
        else if (!hasAfter) result.Removed.Insert(path);
    }

    private static bool IsGranularObject(bool hadBefore, JsonNode? before, bool hasAfter, JsonNode? after, FieldSchema schema) =>
        !schema.IsAtomicObject && (!hadBefore || before is JsonObject) && (!hasAfter || after is JsonObject);

    private static bool IsMergeableList(bool hadBefore, JsonNode? before, bool hasAfter, JsonNode? after, FieldSchema schema) =>
        ListItems.IsMergeable(schema) && (!hadBefore || before is JsonArray) && (!hasAfter || after is JsonArray);

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject obj => obj.Count == 0,
        JsonArray list => list.Count == 0,
        _ => false,
    };
}
