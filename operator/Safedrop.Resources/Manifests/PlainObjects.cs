using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safedrop.Resources.Manifests;

/// <summary>
/// The plain Kubernetes objects a tenant folder may hold beside the resources: its Namespace, and the
/// Secrets and ConfigMaps the resources refer to (for example a Personal Workflow's webhook key).
/// </summary>
internal static class PlainObjects
{
    public static readonly IReadOnlyList<string> Kinds = ["Namespace", "Secret", "ConfigMap"];

    public static bool IsAllowed(string apiVersion, string kind) => apiVersion == "v1" && Kinds.Contains(kind);

    public static bool IsClusterScoped(string kind) => kind == "Namespace";

    /// <summary>The data fields the API server would refuse: Secret data must be base64, every value a string.</summary>
    public static void CheckBody(string kind, JsonObject root, DocumentProblems problems)
    {
        switch (kind)
        {
            case "Secret":
                CheckStringMap(root, "data", base64: true, problems);
                CheckStringMap(root, "stringData", base64: false, problems);
                break;
            case "ConfigMap":
                CheckStringMap(root, "data", base64: false, problems);
                CheckStringMap(root, "binaryData", base64: true, problems);
                break;
        }
    }

    private static void CheckStringMap(JsonObject root, string field, bool base64, DocumentProblems problems)
    {
        if (!root.TryGetPropertyValue(field, out var node) || node is null) return;
        var path = FieldPath.Root.Child(field);
        if (node is not JsonObject map)
        {
            problems.At(path, $"{field} must be a mapping of strings");
            return;
        }

        foreach (var (key, value) in map)
        {
            if (value?.GetValueKind() != JsonValueKind.String)
                problems.At(path.Child(key), $"{field}.{key} must be a string (quote the value)");
            else if (base64 && !Base64.IsValid(value.GetValue<string>()))
                problems.At(path.Child(key), $"{field}.{key} is not valid base64; put plain text under stringData instead");
        }
    }
}
