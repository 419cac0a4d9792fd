using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace Safedrop.Resources.Schema;

/// <summary>
/// The schema-or-bool fields of <see cref="V1JSONSchemaProps"/> (<c>items</c>, <c>additionalProperties</c>) are
/// typed <c>object</c>: a schema when generated, a <see cref="JsonElement"/> when read from JSON, a dictionary
/// when read from YAML. These read them as schemas whatever their origin.
/// </summary>
internal static class SchemaNodes
{
    private static readonly ConditionalWeakTable<object, V1JSONSchemaProps> Converted = [];

    public static V1JSONSchemaProps? Items(V1JSONSchemaProps schema) => AsSchema(schema.Items);

    /// <summary>The schema of extra properties, or null when none are allowed (or when <c>true</c> allows any: see <see cref="AllowsAnyProperty"/>).</summary>
    public static V1JSONSchemaProps? AdditionalProperties(V1JSONSchemaProps schema) =>
        schema.AdditionalProperties is bool or JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False }
            ? null
            : AsSchema(schema.AdditionalProperties);

    public static bool AllowsAnyProperty(V1JSONSchemaProps schema) =>
        schema.XKubernetesPreserveUnknownFields == true
        || schema.AdditionalProperties is true
        || schema.AdditionalProperties is JsonElement { ValueKind: JsonValueKind.True };

    private static V1JSONSchemaProps? AsSchema(object? value) => value switch
    {
        null => null,
        V1JSONSchemaProps schema => schema,
        JsonElement element => Converted.GetValue(value, _ => KubernetesJson.Deserialize<V1JSONSchemaProps>(element.GetRawText())),
        _ => Converted.GetValue(value, v => KubernetesYaml.Deserialize<V1JSONSchemaProps>(KubernetesYaml.Serialize(v))),
    };
}
