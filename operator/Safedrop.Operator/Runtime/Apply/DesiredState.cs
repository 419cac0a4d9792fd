using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Safedrop.Operator.Runtime.Apply;

/// <summary>
/// Decides whether an apply is needed without writing: the observed object must already contain
/// every field we want (the server may add defaults) and carry the hash of what we last applied
/// (so fields we stopped wanting are removed by a new apply). A no-op reconcile thus writes nothing,
/// while drift — someone editing or deleting a child — is corrected.
/// </summary>
public static class DesiredState
{
    public const string AppliedHashAnnotation = "safedrop.io/applied-hash";

    /// <summary>Stamps the desired object with the hash of its own content.</summary>
    public static T Stamp<T>(T desired) where T : IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(desired);
        desired.Metadata.Annotations ??= new Dictionary<string, string>();
        desired.Metadata.Annotations.Remove(AppliedHashAnnotation);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(KubernetesJson.Serialize(desired))))[..16];
        desired.Metadata.Annotations[AppliedHashAnnotation] = hash;
        return desired;
    }

    public static bool IsSatisfied<T>(T stampedDesired, T? observed) where T : IKubernetesObject<V1ObjectMeta>
    {
        if (observed is null) return false;
        var want = AppliedHash(stampedDesired);
        var have = AppliedHash(observed);
        if (want is null || want != have) return false;
        return Contains(JsonNode.Parse(KubernetesJson.Serialize(observed)), JsonNode.Parse(KubernetesJson.Serialize(stampedDesired)));
    }

    private static string? AppliedHash(IKubernetesObject<V1ObjectMeta> item) =>
        item.Metadata.Annotations is { } annotations && annotations.TryGetValue(AppliedHashAnnotation, out var hash) ? hash : null;

    /// <summary>True when every field of <paramref name="wanted"/> is in <paramref name="actual"/> with the same value; lists match item by item.</summary>
    public static bool Contains(JsonNode? actual, JsonNode? wanted) => (actual, wanted) switch
    {
        (_, null) => true,
        (JsonObject a, JsonObject w) => w.All(p => a.TryGetPropertyValue(p.Key, out var value) && Contains(value, p.Value)),
        (JsonArray a, JsonArray w) => a.Count == w.Count && a.Zip(w).All(pair => Contains(pair.First, pair.Second)),
        (JsonValue a, JsonValue w) => JsonNode.DeepEquals(a, w) || a.ToJsonString() == w.ToJsonString(),
        _ => false,
    };
}
