using System.Collections.Concurrent;
using k8s.Models;
using Safedrop.Resources.Model;
using Safedrop.Resources.Schema;

namespace Safedrop.Resources.Manifests;

/// <summary>The OpenAPI schema of each kind, from the same generator that writes the CRDs, so check refuses what the API server would.</summary>
internal static class ResourceSchemas
{
    private static readonly ConcurrentDictionary<Type, V1JSONSchemaProps> Schemas = new();

    public static V1JSONSchemaProps Of(ResourceKinds.KindInfo kind) =>
        Schemas.GetOrAdd(kind.Type, type => CrdGenerator.Generate(type).Spec.Versions[0].Schema.OpenAPIV3Schema);

    /// <summary>The schema of the value at a path, or null when the path leaves the schema.</summary>
    public static V1JSONSchemaProps? At(V1JSONSchemaProps schema, IEnumerable<string?> segments)
    {
        V1JSONSchemaProps? current = schema;
        foreach (var segment in segments)
        {
            if (current is null) return null;
            current = segment is null
                ? current.Items as V1JSONSchemaProps
                : current.Properties is not null && current.Properties.TryGetValue(segment, out var property)
                    ? property
                    : current.AdditionalProperties as V1JSONSchemaProps;
        }

        return current;
    }
}
