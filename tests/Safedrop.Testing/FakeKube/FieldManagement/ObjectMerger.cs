using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>Merges an applied configuration into the live object: objects field by field, set and map lists by item.</summary>
internal static class ObjectMerger
{
    public static JsonNode? Merge(JsonNode? live, JsonNode? config, FieldSchema schema)
    {
        if (config is JsonObject configObj && live is JsonObject liveObj && !schema.IsAtomicObject)
        {
            var merged = (JsonObject)liveObj.DeepClone();
            foreach (var (name, value) in configObj)
            {
                // An explicit null in the configuration removes the field.
                if (value is null) merged.Remove(name);
                else merged[name] = Merge(liveObj[name], value, schema.Property(name));
            }

            return merged;
        }

        if (config is JsonArray configList && live is JsonArray liveList && ListItems.IsMergeable(schema))
        {
            var configured = ListItems.Keyed(schema, configList).ToDictionary(i => i.Element, i => i.Item, StringComparer.Ordinal);
            var result = new JsonArray();
            var kept = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (element, item) in ListItems.Keyed(schema, liveList))
            {
                kept.Add(element);
                var next = configured.TryGetValue(element, out var applied) && schema.ListType == ListType.Map
                    ? Merge(item, applied, schema.Items)
                    : item?.DeepClone();
                result.Add(next);
            }

            foreach (var (element, item) in ListItems.Keyed(schema, configList))
            {
                if (!kept.Contains(element)) result.Add(item?.DeepClone());
            }

            return result;
        }

        return config?.DeepClone();
    }
}
