using System.Text.Json.Nodes;
using k8s.Models;

namespace Safedrop.Resources.Schema;

/// <summary>Duplicates in <c>x-kubernetes-list-type</c> set and map lists, reported as the API server reports them.</summary>
internal static class ListTypes
{
    public static void FindDuplicates(JsonArray array, V1JSONSchemaProps schema, FieldPath path, List<SchemaViolation> violations)
    {
        switch (schema.XKubernetesListType)
        {
            case "set":
                Find(array, item => item?.ToJsonString(), FieldErrors.Show, path, violations);
                break;
            case "map" when schema.XKubernetesListMapKeys is { Count: > 0 } keys:
                Find(array, item => MapKey(item, keys), item => ShowKey(item!.AsObject(), keys), path, violations);
                break;
        }
    }

    private static void Find(
        JsonArray array, Func<JsonNode?, string?> identity, Func<JsonNode?, string> show, FieldPath path, List<SchemaViolation> violations)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            // Items without an identity (missing keys) are reported by the required check instead.
            if (identity(array[i]) is { } id && !seen.Add(id)) violations.Add(FieldErrors.Duplicate(path.Index(i), show(array[i])));
        }
    }

    private static string? MapKey(JsonNode? item, IList<string> keys)
    {
        if (item is not JsonObject obj) return null;

        var parts = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            if (obj[key] is not { } value) return null;
            parts.Add(value.ToJsonString());
        }

        return string.Join('\u0000', parts);
    }

    // Go's %#v of the map[string]interface{} the API server reports, keys sorted as fmt sorts them.
    private static string ShowKey(JsonObject item, IList<string> keys) =>
        "map[string]interface {}{"
        + string.Join(", ", keys.Order(StringComparer.Ordinal).Select(k => FieldErrors.Quote(k) + ":" + FieldErrors.Show(item[k])))
        + "}";
}
