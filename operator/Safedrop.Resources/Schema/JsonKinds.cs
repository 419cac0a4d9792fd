using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safedrop.Resources.Schema;

/// <summary>The OpenAPI type name of a JSON value: object, array, string, integer, number, boolean or null.</summary>
internal static class JsonKinds
{
    public static string Of(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsWhole(value) ? "integer" : "number",
            _ => "null",
        },
    };

    /// <summary>The text of a JSON string, whatever CLR value backs the node (a string, a date, ...).</summary>
    public static string Text(JsonNode value) =>
        value is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString())!;

    public static double ToDouble(JsonNode number) => double.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    // 1.0 counts as an integer, as it does for the API server (it decodes JSON numbers as float64).
    private static bool IsWhole(JsonNode number)
    {
        var value = ToDouble(number);
        return !double.IsInfinity(value) && Math.Floor(value) == value;
    }
}
