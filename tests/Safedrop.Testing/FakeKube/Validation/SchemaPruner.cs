using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.Validation;

/// <summary>Drops fields the structural schema does not declare, unless it preserves unknown fields (Kubernetes pruning).</summary>
internal static class SchemaPruner
{
    private static readonly string[] ObjectHeader = ["apiVersion", "kind", "metadata"];

    public static void Prune(JsonObject obj, JsonObject schema) => Walk(obj, schema, keepHeader: true);

    private static void Walk(JsonNode? value, JsonObject? schema, bool keepHeader)
    {
        if (schema is null) return;
        switch (value)
        {
            case JsonObject obj:
                var properties = schema["properties"] as JsonObject;
                var additional = schema["additionalProperties"];
                var preserve = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
                var embedded = schema["x-kubernetes-embedded-resource"]?.GetValue<bool>() == true;
                foreach (var (name, child) in obj.ToList())
                {
                    if ((keepHeader || embedded) && ObjectHeader.Contains(name)) continue;
                    if (properties?[name] is JsonObject childSchema) Walk(child, childSchema, false);
                    else if (additional is JsonObject additionalSchema) Walk(child, additionalSchema, false);
                    else if (!preserve && additional is not JsonValue) obj.Remove(name);
                }

                break;
            case JsonArray list when schema["items"] is JsonObject items:
                foreach (var item in list) Walk(item, items, false);
                break;
        }
    }
}
