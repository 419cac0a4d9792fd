using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.Json;

/// <summary>JSON the way the API server writes it: compact UTF-8 without HTML escaping.</summary>
internal static class KubeJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode? node) => node is null ? "null" : node.ToJsonString(Options);

    /// <summary>Parses a request body; malformed JSON becomes a 400 BadRequest Status.</summary>
    public static JsonNode? ParseBody(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new Status.KubeApiException(Status.StatusBodies.BadRequest("couldn't get version/kind; json parse error: " + e.Message));
        }
    }

    public static JsonObject ParseObjectBody(string text) =>
        ParseBody(text) as JsonObject
        ?? throw new Status.KubeApiException(Status.StatusBodies.BadRequest("the request body is not a JSON object"));

    public static JsonObject CloneObject(JsonObject value) => (JsonObject)value.DeepClone();

    /// <summary>Deep equality that ignores property order and how a value was built (parsed or from a CLR value).</summary>
    public static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(Normalize(a), Normalize(b));

    private static JsonNode? Normalize(JsonNode? node) => node is null ? null : JsonNode.Parse(Write(node));
}
