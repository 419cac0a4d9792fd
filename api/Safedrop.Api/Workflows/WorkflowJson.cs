using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safedrop.Api.Workflows;

/// <summary>One JSON shape for stored events and runs and for webhook bodies: camelCase, enums as names.</summary>
internal static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
