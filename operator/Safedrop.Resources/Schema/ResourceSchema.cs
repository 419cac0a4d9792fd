using System.ComponentModel;
using System.Reflection;
using k8s.Models;

namespace Safedrop.Resources.Schema;

/// <summary>The <c>openAPIV3Schema</c> of a resource: apiVersion, kind, metadata, spec and status.</summary>
internal static class ResourceSchema
{
    // The descriptions Kubernetes' own generators write for the type fields.
    private const string ApiVersionDescription =
        "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas "
        + "to the latest internal value, and may reject unrecognized values. More info: "
        + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";

    private const string KindDescription =
        "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint "
        + "the client submits requests to. Cannot be updated. In CamelCase. More info: "
        + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

    public static V1JSONSchemaProps For(Type resourceType, string kind)
    {
        var walker = new TypeSchemaWalker();
        var spec = walker.ObjectOf(PropertyType(resourceType, "Spec"));
        spec.Description ??= $"Desired state of the {kind}.";
        var status = walker.ObjectOf(PropertyType(resourceType, "Status"));

        return new V1JSONSchemaProps
        {
            Type = "object",
            Description = resourceType.GetCustomAttribute<DescriptionAttribute>()?.Description,
            Required = ["spec"],
            Properties = new SortedDictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal)
            {
                ["apiVersion"] = new() { Type = "string", Description = ApiVersionDescription },
                ["kind"] = new() { Type = "string", Description = KindDescription },
                // The API server owns metadata's schema; a CRD may only say it is an object.
                ["metadata"] = new() { Type = "object" },
                ["spec"] = spec,
                ["status"] = status,
            },
        };
    }

    private static Type PropertyType(Type resourceType, string name) =>
        resourceType.GetProperty(name)?.PropertyType
        ?? throw new InvalidOperationException($"{resourceType.Name} has no {name} property.");
}
