using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safedrop.Resources.Schema;

/// <summary>
/// Violations worded as kube-apiserver words them (k8s.io/apimachinery field errors wrapping kube-openapi's
/// messages), for example <c>Invalid value: 0: spec.retentionDays in body should be greater than or equal to 1</c>.
/// </summary>
internal static class FieldErrors
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static SchemaViolation Required(FieldPath path, string? detail = null) =>
        new(path.ToString(), "FieldValueRequired", detail is null ? "Required value" : "Required value: " + detail);

    public static SchemaViolation Invalid(FieldPath path, JsonNode? value, string detail) =>
        new(path.ToString(), "FieldValueInvalid", $"Invalid value: {Show(value)}: {detail}");

    /// <summary>A value of the wrong type (or format): Kubernetes shows the value's type name, or the string for a format.</summary>
    public static SchemaViolation TypeInvalid(FieldPath path, string shown, string expected) =>
        new(path.ToString(), "FieldValueTypeInvalid", $"Invalid value: {Quote(shown)}: {path} in body must be of type {expected}: {Quote(shown)}");

    public static SchemaViolation NotSupported(FieldPath path, JsonNode? value, IEnumerable<JsonNode?> supported) =>
        new(path.ToString(), "FieldValueNotSupported",
            $"Unsupported value: {Show(value)}: supported values: {string.Join(", ", supported.Select(Show))}");

    public static SchemaViolation Duplicate(FieldPath path, string shown) =>
        new(path.ToString(), "FieldValueDuplicate", "Duplicate value: " + shown);

    public static SchemaViolation TooLong(FieldPath path, long maximum) =>
        new(path.ToString(), "FieldValueTooLong", $"Too long: may not be longer than {maximum.ToString(CultureInfo.InvariantCulture)}");

    public static SchemaViolation TooMany(FieldPath path, int actual, long maximum) =>
        new(path.ToString(), "FieldValueTooMany",
            $"Too many: {actual.ToString(CultureInfo.InvariantCulture)}: must have at most {maximum.ToString(CultureInfo.InvariantCulture)} items");

    /// <summary>What kubectl's strict field validation reports for a field the schema does not declare.</summary>
    public static SchemaViolation Unknown(FieldPath path) =>
        new(path.ToString(), "UnknownField", $"unknown field \"{path}\"");

    /// <summary>A value as Go's <c>%v</c>/<c>%q</c> shows it in field errors: strings quoted, numbers and booleans bare.</summary>
    public static string Show(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => Quote(JsonKinds.Text(scalar)),
        _ => value.ToJsonString(Quoting),
    };

    public static string Quote(string text) => JsonSerializer.Serialize(text, Quoting);
}
