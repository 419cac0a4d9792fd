using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;

namespace Safedrop.Resources.Schema;

/// <summary>One validation pass of <see cref="SchemaValidator"/>: walks a value and its schema together.</summary>
internal sealed class SchemaWalk(List<SchemaViolation> violations)
{
    public void Value(JsonNode? value, V1JSONSchemaProps schema, FieldPath path)
    {
        if (value is null && schema.Nullable == true) return;

        var kind = JsonKinds.Of(value);
        if (!HasType(kind, schema, path)) return;

        if (schema.EnumProperty is { Count: > 0 } allowed)
        {
            var supported = allowed.Select(SchemaValues.ToNode).ToList();
            if (!supported.Any(s => JsonNode.DeepEquals(s, value))) violations.Add(FieldErrors.NotSupported(path, value, supported));
        }

        switch (value)
        {
            case JsonObject obj:
                Object(obj, schema, path);
                break;
            case JsonArray array:
                Array(array, schema, path);
                break;
            case not null when kind == "string":
                String(JsonKinds.Text(value), value, schema, path);
                break;
            case not null when kind is "integer" or "number":
                Number(value, schema, path);
                break;
        }
    }

    private bool HasType(string kind, V1JSONSchemaProps schema, FieldPath path)
    {
        var expected = schema.XKubernetesIntOrString == true ? "integer,string" : schema.Type;
        if (string.IsNullOrEmpty(expected)) return true;

        var matches = expected.Split(',').Any(t => t == kind || (t == "number" && kind == "integer"));
        if (!matches) violations.Add(FieldErrors.TypeInvalid(path, kind, expected));
        return matches;
    }

    private void String(string text, JsonNode value, V1JSONSchemaProps schema, FieldPath path)
    {
        var length = text.EnumerateRunes().Count();
        if (schema.MinLength is { } min && length < min)
        {
            violations.Add(FieldErrors.Invalid(path, value, $"{path} in body should be at least {min} chars long"));
        }

        if (schema.MaxLength is { } max && length > max) violations.Add(FieldErrors.TooLong(path, max));

        if (schema.Pattern is { Length: > 0 } pattern && !StringRules.Matches(pattern, text))
        {
            violations.Add(FieldErrors.Invalid(path, value, $"{path} in body should match '{pattern}'"));
        }

        if (schema.Format is { Length: > 0 } format && !StringRules.HasFormat(format, text))
        {
            violations.Add(FieldErrors.TypeInvalid(path, text, format));
        }
    }

    private void Number(JsonNode value, V1JSONSchemaProps schema, FieldPath path)
    {
        var number = JsonKinds.ToDouble(value);
        if (schema.Minimum is { } min && (schema.ExclusiveMinimum == true ? number <= min : number < min))
        {
            var bound = schema.ExclusiveMinimum == true ? "greater than" : "greater than or equal to";
            violations.Add(FieldErrors.Invalid(path, value, $"{path} in body should be {bound} {Show(min)}"));
        }

        if (schema.Maximum is { } max && (schema.ExclusiveMaximum == true ? number >= max : number > max))
        {
            var bound = schema.ExclusiveMaximum == true ? "less than" : "less than or equal to";
            violations.Add(FieldErrors.Invalid(path, value, $"{path} in body should be {bound} {Show(max)}"));
        }

        if (schema.MultipleOf is { } factor && factor != 0 && Math.Abs(Math.IEEERemainder(number, factor)) > 1e-9)
        {
            violations.Add(FieldErrors.Invalid(path, value, $"{path} in body should be a multiple of {Show(factor)}"));
        }
    }

    private void Array(JsonArray array, V1JSONSchemaProps schema, FieldPath path)
    {
        if (schema.MinItems is { } min && array.Count < min)
        {
            violations.Add(FieldErrors.Invalid(path, JsonValue.Create(array.Count), $"{path} in body should have at least {min} items"));
        }

        if (schema.MaxItems is { } max && array.Count > max) violations.Add(FieldErrors.TooMany(path, array.Count, max));

        if (SchemaNodes.Items(schema) is { } items)
        {
            for (var i = 0; i < array.Count; i++) Value(array[i], items, path.Index(i));
        }

        ListTypes.FindDuplicates(array, schema, path, violations);
    }

    private void Object(JsonObject obj, V1JSONSchemaProps schema, FieldPath path)
    {
        var properties = schema.Properties ?? new Dictionary<string, V1JSONSchemaProps>();
        foreach (var (name, property) in properties)
        {
            if (path.IsRoot && name == "metadata") continue;

            // The API server prunes null fields that are not nullable: they count as omitted.
            var present = obj.TryGetPropertyValue(name, out var child) && (child is not null || property.Nullable == true);
            if (present) Value(child, property, path.Child(name));
            else if (schema.Required?.Contains(name) == true) violations.Add(FieldErrors.Required(path.Child(name)));
        }

        foreach (var name in schema.Required ?? [])
        {
            if (!properties.ContainsKey(name) && obj[name] is null) violations.Add(FieldErrors.Required(path.Child(name)));
        }

        if (path.IsRoot && (properties.ContainsKey("metadata") || obj.ContainsKey("metadata"))) Metadata(obj["metadata"], path.Child("metadata"));

        if (SchemaNodes.AllowsAnyProperty(schema)) return;

        var extra = SchemaNodes.AdditionalProperties(schema);
        foreach (var (name, child) in obj)
        {
            // Every object has its type fields and metadata, whatever the CRD declares.
            if (properties.ContainsKey(name) || (path.IsRoot && name is "apiVersion" or "kind" or "metadata")) continue;

            if (extra is not null) Value(child, extra, path.Child(name));
            else violations.Add(FieldErrors.Unknown(path.Child(name)));
        }
    }

    // metadata's schema belongs to the API server; of it, only the name can be missing from a manifest.
    private void Metadata(JsonNode? metadata, FieldPath path)
    {
        if (metadata is not null and not JsonObject)
        {
            violations.Add(FieldErrors.TypeInvalid(path, JsonKinds.Of(metadata), "object"));
            return;
        }

        if (!HasText(metadata?["name"]) && !HasText(metadata?["generateName"])) violations.Add(MissingName(path));
    }

    private static SchemaViolation MissingName(FieldPath metadata) =>
        FieldErrors.Required(metadata.Child("name"), "name or generateName is required");

    private static bool HasText(JsonNode? value) =>
        JsonKinds.Of(value) == "string" && JsonKinds.Text(value!).Length > 0;

    private static string Show(double bound) => bound.ToString(CultureInfo.InvariantCulture);
}
