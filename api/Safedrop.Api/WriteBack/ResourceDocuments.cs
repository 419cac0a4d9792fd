using System.Text.Json;
using System.Text.Json.Nodes;
using Safedrop.Resources.Model;
using Safedrop.Resources.Schema;

namespace Safedrop.Api.WriteBack;

/// <summary>The JSON forms of a resource both writers compare and send, and the CRD schema check they share with the API server.</summary>
public static class ResourceDocuments
{
    /// <summary>The spec as the resource JSON options write it (nulls left out).</summary>
    public static JsonObject Spec(ISafedropResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var property = resource.GetType().GetProperty("Spec") ?? throw new InvalidOperationException(resource.Kind + " has no spec.");
        var spec = property.GetValue(resource);
        return spec is null ? [] : JsonSerializer.SerializeToNode(spec, property.PropertyType, ResourceJson.Options)!.AsObject();
    }

    /// <summary>What a user would write to create the resource: apiVersion, kind, name, namespace, labels, annotations and spec; never status.</summary>
    public static JsonObject ForCreate(ISafedropResource resource, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var metadata = new JsonObject { ["name"] = resource.Metadata.Name, ["namespace"] = resource.Metadata.NamespaceProperty ?? @namespace };
        if (resource.Metadata.Labels is { Count: > 0 } labels) metadata["labels"] = JsonSerializer.SerializeToNode(labels, ResourceJson.Options);
        if (resource.Metadata.Annotations is { Count: > 0 } annotations) metadata["annotations"] = JsonSerializer.SerializeToNode(annotations, ResourceJson.Options);
        return new JsonObject
        {
            ["apiVersion"] = resource.ApiVersion,
            ["kind"] = resource.Kind,
            ["metadata"] = metadata,
            ["spec"] = Spec(resource),
        };
    }

    /// <summary>
    /// The CRD schema's verdict on the resource (types, bounds, patterns, sets), the check kubectl and local
    /// mode apply, so a write-back never produces YAML the reader then refuses.
    /// </summary>
    public static IReadOnlyList<SchemaViolation> Validate(ISafedropResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return SchemaValidator.Validate(ForCreate(resource, resource.Metadata.NamespaceProperty ?? "default"), CrdSchemas.Of(resource.GetType()));
    }

    /// <summary>Throws <see cref="ResourceInvalidException"/> when <see cref="Validate"/> finds anything.</summary>
    public static void EnsureValid(ISafedropResource resource)
    {
        var violations = Validate(resource);
        if (violations.Count > 0) throw new ResourceInvalidException(resource.Kind, resource.Metadata.Name ?? "", violations);
    }

    /// <summary>An RFC 7386 merge patch turning <paramref name="before"/> into <paramref name="after"/> (lists are replaced whole).</summary>
    public static JsonObject MergePatch(JsonObject before, JsonObject after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var patch = new JsonObject();
        foreach (var (key, value) in after)
        {
            var old = before[key];
            if (JsonNode.DeepEquals(old, value)) continue;
            patch[key] = old is JsonObject o && value is JsonObject n ? MergePatch(o, n) : value?.DeepClone();
        }

        foreach (var (key, _) in before)
        {
            if (!after.ContainsKey(key)) patch[key] = null;
        }

        return patch;
    }
}
