using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.Validation;

/// <summary>Fills in schema <c>default</c>s of absent fields, inside objects that are present (as the API server does on decode).</summary>
internal static class SchemaDefaulter
{
    public static void Apply(JsonNode? value, JsonObject? schema)
    {
        if (schema is null) return;
        switch (value)
        {
            case JsonObject obj:
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, child) in properties)
                    {
                        if (child is not JsonObject childSchema) continue;
                        if (!obj.ContainsKey(name) && childSchema["default"] is { } fallback) obj[name] = fallback.DeepClone();
                        if (obj.ContainsKey(name)) Apply(obj[name], childSchema);
                    }
                }

                if (schema["additionalProperties"] is JsonObject additional)
                {
                    foreach (var (_, child) in obj.ToList()) Apply(child, additional);
                }

                break;
            case JsonArray list when schema["items"] is JsonObject items:
                foreach (var item in list) Apply(item, items);
                break;
        }
    }
}
