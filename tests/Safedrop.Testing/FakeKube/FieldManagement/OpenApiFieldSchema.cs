using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>The merge structure of a custom resource, read from its CRD's openAPIV3Schema.</summary>
internal sealed class OpenApiFieldSchema(JsonObject? schema, bool isRoot = false) : FieldSchema
{
    public static FieldSchema Root(JsonObject? schema) => new OpenApiFieldSchema(schema, isRoot: true);

    public override FieldSchema Property(string name)
    {
        if (isRoot && name == "metadata") return MetadataFieldSchema.Instance;
        if (schema?["properties"] is JsonObject properties && properties[name] is JsonObject property)
            return new OpenApiFieldSchema(property);
        if (schema?["additionalProperties"] is JsonObject additional) return new OpenApiFieldSchema(additional);
        return UntypedFieldSchema.Instance;
    }

    public override FieldSchema Items =>
        schema?["items"] is JsonObject items ? new OpenApiFieldSchema(items) : UntypedFieldSchema.Instance;

    public override ListType ListType => schema?["x-kubernetes-list-type"]?.GetValue<string>() switch
    {
        "set" => ListType.Set,
        "map" => ListType.Map,
        _ => ListType.Atomic,
    };

    public override IReadOnlyList<string> MapKeys =>
        schema?["x-kubernetes-list-map-keys"] is JsonArray keys ? [.. keys.Select(k => k!.GetValue<string>())] : [];

    public override bool IsAtomicObject => schema?["x-kubernetes-map-type"]?.GetValue<string>() == "atomic";
}
