using k8s.Models;

namespace Safedrop.Resources.Schema;

/// <summary>Writes the CustomResourceDefinitions of the five kinds from their C# types and attributes.</summary>
public static class CrdGenerator
{
    /// <summary>The CRD of one resource type (one of <see cref="Model.ResourceKinds.All"/>).</summary>
    public static V1CustomResourceDefinition Generate(Type resourceType) => throw new NotImplementedException();

    public static IReadOnlyList<V1CustomResourceDefinition> GenerateAll() =>
        [.. Model.ResourceKinds.All.Select(k => Generate(k.Type))];

    /// <summary><c>&lt;plural&gt;.safedrop.io.yaml</c></summary>
    public static string FileName(V1CustomResourceDefinition crd) => crd.Metadata.Name + ".yaml";

    /// <summary>The YAML written to crds/: stable, so the committed files can be compared byte for byte.</summary>
    public static string ToYaml(V1CustomResourceDefinition crd) => throw new NotImplementedException();
}
