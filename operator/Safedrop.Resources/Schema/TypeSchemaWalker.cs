using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Schema;

/// <summary>
/// Turns a C# type into a structural OpenAPI v3 schema by reflection: the properties System.Text.Json
/// would write (camelCase), their types, and the attributes in SchemaAttributes.cs.
/// </summary>
internal sealed class TypeSchemaWalker
{
    // Types being walked, outermost first: a type that contains itself has no structural schema.
    private readonly Stack<Type> _enclosing = new();

    public V1JSONSchemaProps ObjectOf(Type type)
    {
        if (_enclosing.Contains(type))
        {
            throw new NotSupportedException($"{type.Name} contains itself; a structural schema cannot be recursive.");
        }

        _enclosing.Push(type);
        try
        {
            var properties = new SortedDictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal);
            var required = new List<string>();
            foreach (var property in SerializedProperties(type))
            {
                var name = JsonName(property);
                properties.Add(name, PropertySchema(property));
                if (property.IsDefined(typeof(RequiredAttribute))) required.Add(name);
            }

            return new V1JSONSchemaProps
            {
                Type = "object",
                Description = type.GetCustomAttribute<DescriptionAttribute>()?.Description,
                Properties = properties,
                Required = required.Count == 0 ? null : [.. required.Order(StringComparer.Ordinal)],
                XKubernetesValidations = CelRules(type.GetCustomAttributes<CelRuleAttribute>()),
            };
        }
        finally
        {
            _enclosing.Pop();
        }
    }

    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static IEnumerable<PropertyInfo> SerializedProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0 && !p.IsDefined(typeof(JsonIgnoreAttribute)));

    private V1JSONSchemaProps PropertySchema(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var schema = property.IsDefined(typeof(QuantityAttribute)) ? QuantitySchema(property, type) : TypeSchema(type);
        var where = $"{property.DeclaringType?.Name}.{property.Name}";

        PropertyConstraints.Apply(schema, property, where);
        if (property.GetCustomAttribute<DescriptionAttribute>() is { } description) schema.Description = description.Description;

        var rules = CelRules(property.GetCustomAttributes<CelRuleAttribute>());
        if (rules is not null) schema.XKubernetesValidations = [.. schema.XKubernetesValidations ?? [], .. rules];

        if (property.GetCustomAttribute<DefaultAttribute>() is { } @default)
        {
            schema.DefaultProperty = @default.Value is Enum member ? member.ToString() : @default.Value;
            var violations = SchemaValidator.Validate(SchemaValues.ToNode(schema.DefaultProperty), schema);
            if (violations.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The default of {where} breaks its own schema (the API server refuses such a CRD): {violations[0].Message}");
            }
        }

        return schema;
    }

    private V1JSONSchemaProps TypeSchema(Type type)
    {
        if (type == typeof(string)) return new V1JSONSchemaProps { Type = "string" };
        if (type == typeof(bool)) return new V1JSONSchemaProps { Type = "boolean" };
        if (type == typeof(int) || type == typeof(short) || type == typeof(byte)) return new V1JSONSchemaProps { Type = "integer", Format = "int32" };
        if (type == typeof(long)) return new V1JSONSchemaProps { Type = "integer", Format = "int64" };
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return new V1JSONSchemaProps { Type = "number" };
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return new V1JSONSchemaProps { Type = "string", Format = "date-time" };
        if (type.IsEnum) return new V1JSONSchemaProps { Type = "string", EnumProperty = [.. Enum.GetNames(type)] };

        if (ElementType(type) is { } element)
        {
            var items = TypeSchema(Nullable.GetUnderlyingType(element) ?? element);
            var list = new V1JSONSchemaProps { Type = "array", Items = items };
            if (element == typeof(Condition))
            {
                // metav1.Condition lists are maps keyed by type, as in every Kubernetes API.
                list.XKubernetesListType = "map";
                list.XKubernetesListMapKeys = ["type"];
            }

            return list;
        }

        if (type.IsClass && type != typeof(object)) return ObjectOf(type);

        throw new NotSupportedException($"No OpenAPI schema for {type.Name}; add a case to {nameof(TypeSchemaWalker)}.");
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType || typeof(System.Collections.IDictionary).IsAssignableFrom(type)) return null;

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    // The shape Kubernetes uses for resource.Quantity: an integer or a string such as 10Gi.
    private static V1JSONSchemaProps QuantitySchema(PropertyInfo property, Type type)
    {
        if (type != typeof(string)) throw new NotSupportedException($"[Quantity] needs a string property: {property.DeclaringType?.Name}.{property.Name}");

        return new V1JSONSchemaProps
        {
            AnyOf = [new V1JSONSchemaProps { Type = "integer" }, new V1JSONSchemaProps { Type = "string" }],
            Pattern = Patterns.Quantity,
            XKubernetesIntOrString = true,
        };
    }

    private static List<V1ValidationRule>? CelRules(IEnumerable<CelRuleAttribute> rules)
    {
        var list = rules
            .Select(r => new V1ValidationRule { Rule = r.Rule, Message = r.Message, FieldPath = r.FieldPath, Reason = r.Reason })
            .ToList();
        return list.Count == 0 ? null : list;
    }
}
