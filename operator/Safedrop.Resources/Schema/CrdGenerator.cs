using System.Reflection;
using k8s;
using k8s.Models;

namespace Safedrop.Resources.Schema;

/// <summary>Writes the CustomResourceDefinitions of the five kinds from their C# types and attributes.</summary>
public static class CrdGenerator
{
    public const string Header = "# Generated from the C# types by: dotnet run --project operator/Safedrop.Operator -- crds crds. Do not edit.";

    /// <summary>The CRD of one resource type (one of <see cref="Model.ResourceKinds.All"/>).</summary>
    public static V1CustomResourceDefinition Generate(Type resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        var entity = resourceType.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{resourceType.Name} lacks [KubernetesEntity].", nameof(resourceType));
        var names = resourceType.GetCustomAttribute<ResourceNamesAttribute>()
            ?? throw new ArgumentException($"{resourceType.Name} lacks [ResourceNames].", nameof(resourceType));

        return new V1CustomResourceDefinition
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta { Name = $"{entity.PluralName}.{entity.Group}" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = entity.Group,
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = entity.Kind,
                    ListKind = entity.Kind + "List",
                    Plural = entity.PluralName,
                    Singular = entity.Kind.ToLowerInvariant(),
                    ShortNames = [names.ShortName],
                    Categories = [.. names.Categories],
                },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = entity.ApiVersion,
                        Served = true,
                        Storage = true,
                        Subresources = new V1CustomResourceSubresources { Status = new Dictionary<string, object>() },
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = ResourceSchema.For(resourceType, entity.Kind) },
                        AdditionalPrinterColumns = PrinterColumns.For(resourceType),
                    },
                ],
            },
        };
    }

    public static IReadOnlyList<V1CustomResourceDefinition> GenerateAll() =>
        [.. Model.ResourceKinds.All.Select(k => Generate(k.Type))];

    /// <summary><c>&lt;plural&gt;.safedrop.io.yaml</c></summary>
    public static string FileName(V1CustomResourceDefinition crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        return crd.Metadata.Name + ".yaml";
    }

    /// <summary>The YAML written to crds/: stable, so the committed files can be compared byte for byte.</summary>
    public static string ToYaml(V1CustomResourceDefinition crd)
    {
        // KubernetesYaml writes mapping keys in order, so the same CRD always gives the same text.
        var body = KubernetesYaml.Serialize(crd).ReplaceLineEndings("\n").TrimEnd('\n');
        return Header + "\n" + body + "\n";
    }
}
