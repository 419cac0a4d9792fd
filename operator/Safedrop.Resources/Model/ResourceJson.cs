using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;

namespace Safedrop.Resources.Model;

/// <summary>
/// The one set of JSON options for resources, shared by the manifest reader, the operator and the API.
/// It reads and writes what KubernetesClient's <see cref="KubernetesJson"/> does: camelCase names, nulls
/// left out, enums as their member names, and Kubernetes' ISO 8601 timestamps (also inside
/// <see cref="k8s.Models.V1ObjectMeta"/>), so an object round-trips between the two unchanged.
/// </summary>
public static class ResourceJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters =
            {
                // Member names only: "2" is not a plan, whatever the enum's numbering.
                new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false),
                new KubernetesJson.KubernetesDateTimeOffsetConverter(),
                new KubernetesJson.KubernetesDateTimeConverter(),
                new KubernetesJson.Iso8601TimeSpanConverter(),
            },
        };

        // Shared by the whole product: nobody may change it after start-up.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
