using k8s.Models;

namespace Safedrop.Resources.Tests.Schema;

/// <summary>Finds a schema node by field path; <c>[]</c> steps into a list's items: <c>spec.collaborators[].role</c>.</summary>
internal static class SchemaPaths
{
    public static V1JSONSchemaProps At(this V1JSONSchemaProps root, string path)
    {
        var node = root;
        foreach (var step in path.Split('.'))
        {
            var name = step.EndsWith("[]", StringComparison.Ordinal) ? step[..^2] : step;
            node = node.Properties[name];
            if (name != step) node = (V1JSONSchemaProps)node.Items;
        }

        return node;
    }

    public static V1JSONSchemaProps Crd(string kind) => Resources.Schema.CrdSchemas.Find(kind)!;
}
