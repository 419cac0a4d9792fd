using System.Text.Json.Nodes;
using k8s.Models;

namespace Safedrop.Resources.Schema;

/// <summary>One way a value breaks its schema. Path in Kubernetes' style, for example <c>spec.members[2]</c>.</summary>
public sealed record SchemaViolation(string Path, string Reason, string Message);

/// <summary>
/// Checks a value against a CRD's OpenAPI v3 schema the way the API server does (types, required,
/// enums, patterns, bounds, formats, unknown fields), so check and local mode refuse what kubectl would.
/// </summary>
/// <remarks>
/// Defaults need not be applied first (an omitted field with a default is fine), and null fields count as
/// omitted, as the API server prunes them. CEL rules (<c>x-kubernetes-validations</c>) are not evaluated.
/// At the root, <c>metadata</c> is checked only for a name (or generateName).
/// </remarks>
public static class SchemaValidator
{
    public static IReadOnlyList<SchemaViolation> Validate(JsonNode? value, V1JSONSchemaProps schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var violations = new List<SchemaViolation>();
        new SchemaWalk(violations).Value(value, schema, FieldPath.Root);
        return violations;
    }
}
