using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.Json;

/// <summary>Reads and writes the metadata of an object held as JSON.</summary>
internal static class KubeObject
{
    public static JsonObject Metadata(this JsonObject obj)
    {
        if (obj["metadata"] is JsonObject meta) return meta;
        meta = [];
        obj["metadata"] = meta;
        return meta;
    }

    public static string? MetaString(this JsonObject obj, string field) =>
        obj["metadata"] is JsonObject meta && meta[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string Name(this JsonObject obj) => obj.MetaString("name") ?? "";

    public static string? ResourceVersion(this JsonObject obj) => obj.MetaString("resourceVersion");

    public static long Generation(this JsonObject obj) =>
        obj["metadata"] is JsonObject meta && meta["generation"] is JsonValue v
        && long.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var g) ? g : 0;

    public static bool IsDeleting(this JsonObject obj) => obj.MetaString("deletionTimestamp") is not null;

    public static IReadOnlyList<string> Finalizers(this JsonObject obj) =>
        obj["metadata"] is JsonObject meta && meta["finalizers"] is JsonArray list
            ? [.. list.Select(f => f?.GetValue<string>() ?? "")]
            : [];

    public static IReadOnlyDictionary<string, string> Labels(this JsonObject obj) =>
        obj["metadata"] is JsonObject meta && meta["labels"] is JsonObject labels
            ? labels.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static void SetMeta(this JsonObject obj, string field, JsonNode? value) => obj.Metadata()[field] = value;

    public static void CopyMeta(this JsonObject target, JsonObject source, string field)
    {
        var value = source["metadata"] is JsonObject meta ? meta[field] : null;
        if (value is null) target.Metadata().Remove(field);
        else target.Metadata()[field] = value.DeepClone();
    }
}
