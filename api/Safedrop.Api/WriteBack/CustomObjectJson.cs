using System.Text.Json;
using k8s;
using Safedrop.Resources.Model;

namespace Safedrop.Api.WriteBack;

/// <summary>
/// Custom objects as the Kubernetes client hands them over: a JSON element typed as <see cref="object"/>. Anything else
/// is serialized again, so it is read the same way.
/// </summary>
public static class CustomObjectJson
{
    public static JsonElement Element(object body) =>
        body is JsonElement element ? element : JsonDocument.Parse(KubernetesJson.Serialize(body)).RootElement;

    /// <summary>The object as a Safedrop resource (or a list of them).</summary>
    public static T Read<T>(object body) => body switch
    {
        JsonElement element => element.Deserialize<T>(ResourceJson.Options),
        _ => JsonSerializer.Deserialize<T>(KubernetesJson.Serialize(body), ResourceJson.Options),
    } ?? throw new InvalidOperationException("The Kubernetes API answered an empty object.");
}
