using System.Reflection;
using k8s.Models;

namespace Safedrop.Resources.Schema;

/// <summary>Copies a property's validation attributes onto its schema node.</summary>
internal static class PropertyConstraints
{
    public static void Apply(V1JSONSchemaProps schema, PropertyInfo property, string where)
    {
        var isList = schema.Type == "array";
        // On a list of strings, the string rules describe each item.
        var scalar = isList ? (V1JSONSchemaProps)schema.Items : schema;
        var isString = scalar.Type == "string" || scalar.XKubernetesIntOrString == true;

        if (property.GetCustomAttribute<LengthAttribute>() is { } length)
        {
            Require(isString, "[Length] needs a string", where);
            scalar.MinLength = length.Minimum > 0 ? length.Minimum : null; // a minimum of 0 says nothing
            scalar.MaxLength = length.Maximum;
        }

        if (property.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            Require(isString, "[Pattern] needs a string", where);
            scalar.Pattern = KubernetesPattern.From(pattern.Pattern);
        }

        if (property.GetCustomAttribute<FormatAttribute>() is { } format)
        {
            Require(isString, "[Format] needs a string", where);
            scalar.Format = format.Format;
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            Require(schema.Type is "integer" or "number", "[Range] needs a number", where);
            schema.Minimum = range.Minimum;
            schema.Maximum = range.Maximum;
        }

        if (property.GetCustomAttribute<ItemsAttribute>() is { } items)
        {
            Require(isList, "[Items] needs a list", where);
            schema.MinItems = items.Minimum > 0 ? items.Minimum : null;
            schema.MaxItems = items.Maximum;
        }

        if (property.IsDefined(typeof(SetAttribute)))
        {
            Require(isList && scalar.Type is "string" or "integer" or "number" or "boolean", "[Set] needs a list of scalars", where);
            schema.XKubernetesListType = "set";
        }

        if (property.GetCustomAttribute<ListMapKeysAttribute>() is { } keys)
        {
            Require(isList && scalar.Type == "object", "[ListMapKeys] needs a list of objects", where);
            foreach (var key in keys.Keys)
            {
                // The API server refuses a map list whose keys may be missing from an item.
                Require(scalar.Properties.ContainsKey(key) && scalar.Required?.Contains(key) == true,
                    $"list-map key '{key}' must be a required property of the item", where);
            }

            schema.XKubernetesListType = "map";
            schema.XKubernetesListMapKeys = [.. keys.Keys];
        }
    }

    private static void Require(bool condition, string rule, string where)
    {
        if (!condition) throw new NotSupportedException($"{where}: {rule}.");
    }
}
