using System.Reflection;
using System.Text.Json.Serialization;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Manifests;

/// <summary>What C# type a path of a resource lands in, to explain a value the deserializer could not read.</summary>
internal static class ClrFieldTypes
{
    public static Type? At(Type resourceType, IEnumerable<string?> names)
    {
        Type? current = resourceType;
        foreach (var name in names)
        {
            if (current is null) return null;
            current = name is null ? ItemType(current) : Property(current, name)?.PropertyType;
        }

        return current is null ? null : Nullable.GetUnderlyingType(current) ?? current;
    }

    /// <summary>"one of Team, Business, Enterprise", "an integer", ... for a message.</summary>
    public static string Describe(Type type) => type switch
    {
        { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ when type == typeof(string) => "a string",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "an integer",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "an ISO 8601 time",
        _ when ItemType(type) is not null => "a list",
        _ => "a mapping",
    };

    private static Type? ItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    private static PropertyInfo? Property(Type type, string jsonName) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p =>
            (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? ResourceJson.Options.PropertyNamingPolicy!.ConvertName(p.Name)) == jsonName);
}
