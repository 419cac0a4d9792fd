using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safedrop.Resources.Compilation;

/// <summary>How a TenantConfig travels in the snapshot ConfigMap: camelCase JSON, enums by name.</summary>
public static class TenantConfigJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new ReadOnlySetConverter() },
    };

    public static string Serialize(TenantConfig config) => JsonSerializer.Serialize(config, Options);

    public static TenantConfig Deserialize(string json) =>
        JsonSerializer.Deserialize<TenantConfig>(json, Options) ?? throw new JsonException("The snapshot holds no tenant config.");
}
