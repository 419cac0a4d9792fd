using k8s.Models;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Schema;

/// <summary>
/// The generated <c>openAPIV3Schema</c> of each kind, built once. Shared: read it, never change it.
/// </summary>
public static class CrdSchemas
{
    private static readonly Lazy<IReadOnlyDictionary<string, V1JSONSchemaProps>> ByKind = new(() =>
        CrdGenerator.GenerateAll().ToDictionary(c => c.Spec.Names.Kind, c => c.Spec.Versions[0].Schema.OpenAPIV3Schema, StringComparer.Ordinal));

    /// <summary>The schema of a kind such as <c>Dropzone</c>, or null when it is not one of ours.</summary>
    public static V1JSONSchemaProps? Find(string kind) => ByKind.Value.GetValueOrDefault(kind);

    /// <summary>The schema of one of <see cref="ResourceKinds.All"/>.</summary>
    public static V1JSONSchemaProps Of(Type resourceType) => ByKind.Value[ResourceKinds.Of(resourceType).Kind];
}
