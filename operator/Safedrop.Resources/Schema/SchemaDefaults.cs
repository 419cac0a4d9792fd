using System.Text.Json.Nodes;
using k8s.Models;

namespace Safedrop.Resources.Schema;

/// <summary>
/// Fills in schema defaults the way the API server does before it validates and stores an object: an omitted
/// (or null, hence pruned) field with a <c>default</c> gets a copy of it, top down, so defaults inside a
/// defaulted object apply too. Objects that are absent stay absent: their fields' defaults wait until they exist.
/// </summary>
public static class SchemaDefaults
{
    /// <summary>Changes <paramref name="value"/> in place.</summary>
    public static void Apply(JsonNode? value, V1JSONSchemaProps schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, property) in schema.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
                {
                    var omitted = !obj.TryGetPropertyValue(name, out var child) || (child is null && property.Nullable != true);
                    if (omitted && property.DefaultProperty is not null)
                    {
                        obj[name] = SchemaValues.ToNode(property.DefaultProperty);
                    }

                    Apply(obj[name], property);
                }

                if (SchemaNodes.AdditionalProperties(schema) is { } extra)
                {
                    foreach (var (name, child) in obj.ToList())
                    {
                        if (schema.Properties?.ContainsKey(name) != true) Apply(child, extra);
                    }
                }

                break;
            case JsonArray array when SchemaNodes.Items(schema) is { } items:
                foreach (var item in array) Apply(item, items);
                break;
        }
    }
}
