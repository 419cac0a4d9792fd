namespace Safedrop.Resources.Schema;

// Attributes the CRD generator reads from the resource types. They describe the OpenAPI v3
// structural schema of a field; System.ComponentModel.DescriptionAttribute supplies descriptions.

/// <summary>The field must be present.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;

/// <summary>The schema default the API server fills in when the field is omitted.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}

/// <summary>Inclusive numeric bounds.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RangeAttribute(long minimum, long maximum) : Attribute
{
    public long Minimum { get; } = minimum;
    public long Maximum { get; } = maximum;
}

/// <summary>Length bounds of a string.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LengthAttribute(int minimum, int maximum) : Attribute
{
    public int Minimum { get; } = minimum;
    public int Maximum { get; } = maximum;
}

/// <summary>Bounds on the number of items of a list.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemsAttribute(int minimum, int maximum) : Attribute
{
    public int Minimum { get; } = minimum;
    public int Maximum { get; } = maximum;
}

/// <summary>An ECMA-262 regular expression the string (or each string of a list) must match.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string pattern) : Attribute
{
    public string Pattern { get; } = pattern;
}

/// <summary>An OpenAPI format such as <c>email</c>, <c>uri</c> or <c>date-time</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FormatAttribute(string format) : Attribute
{
    public string Format { get; } = format;
}

/// <summary>The list is a set: the API server refuses duplicates.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SetAttribute : Attribute;

/// <summary>
/// A list of objects keyed by these fields (<c>x-kubernetes-list-type: map</c>): the API server refuses
/// two items with the same key, and server-side apply merges items by key.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapKeysAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}

/// <summary>A Kubernetes resource quantity such as <c>10Gi</c> or <c>500m</c> (int-or-string).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class QuantityAttribute : Attribute;

/// <summary>
/// A CEL rule (<c>x-kubernetes-validations</c>) on the annotated type or property.
/// Rules that mention <c>oldSelf</c> are transition rules, checked on updates only.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = true)]
public sealed class CelRuleAttribute(string rule, string message) : Attribute
{
    public string Rule { get; } = rule;
    public string Message { get; } = message;
    /// <summary>Optional path of the field the message is reported on, relative to the rule's scope.</summary>
    public string? FieldPath { get; init; }
    /// <summary>Optional machine-readable reason: FieldValueInvalid (default), FieldValueForbidden, FieldValueRequired, FieldValueDuplicate.</summary>
    public string? Reason { get; init; }
}

/// <summary>An extra <c>kubectl get</c> column of a custom resource.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    public string Name { get; } = name;
    public string Type { get; } = type;
    public string JsonPath { get; } = jsonPath;
    public string? Description { get; init; }
    /// <summary>0 shows by default; 1 only with <c>-o wide</c>.</summary>
    public int Priority { get; init; }
    /// <summary>Orders columns; lower comes first.</summary>
    public int Order { get; init; }
}

/// <summary>Short names and categories of a custom resource for kubectl.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ResourceNamesAttribute(string shortName) : Attribute
{
    public string ShortName { get; } = shortName;
    public string[] Categories { get; init; } = ["safedrop"];
}
