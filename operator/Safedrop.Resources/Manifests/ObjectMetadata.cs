using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Manifests;

/// <summary>Checks <c>metadata</c> the way the API server does for what a manifest may set.</summary>
internal static partial class ObjectMetadata
{
    private static readonly FieldPath Metadata = FieldPath.Root.Child("metadata");

    // What a manifest may carry in metadata; the rest of ObjectMeta is written by the server and harmless to copy.
    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "name", "namespace", "labels", "annotations", "generateName", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "finalizers", "ownerReferences",
        "managedFields", "selfLink",
    };

    /// <summary>The object's name and namespace when they are valid; problems otherwise.</summary>
    public static (string? Name, string? Namespace) Check(JsonObject root, bool clusterScoped, DocumentProblems problems)
    {
        if (!root.TryGetPropertyValue("metadata", out var node) || node is null)
        {
            problems.At(FieldPath.Root, "missing metadata.name");
            return (null, null);
        }

        if (node is not JsonObject metadata)
        {
            problems.At(Metadata, "metadata must be a mapping");
            return (null, null);
        }

        foreach (var (field, _) in metadata)
        {
            if (!KnownFields.Contains(field)) problems.At(Metadata.Child(field), $"unknown field metadata.{field}");
        }

        CheckStringMap(metadata, "labels", problems);
        CheckStringMap(metadata, "annotations", problems);
        var name = CheckName(metadata, clusterScoped, problems);
        var ns = clusterScoped ? null : CheckNamespace(metadata, problems);
        return (name, ns);
    }

    private static string? CheckName(JsonObject metadata, bool clusterScoped, DocumentProblems problems)
    {
        var path = Metadata.Child("name");
        if (!metadata.TryGetPropertyValue("name", out var node) || node is null)
        {
            problems.At(Metadata, metadata.ContainsKey("generateName")
                ? "missing metadata.name (generateName is not enough: kubectl apply needs a name)"
                : "missing metadata.name");
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            problems.At(path, "metadata.name must be a string");
            return null;
        }

        var name = node.GetValue<string>();
        var valid = clusterScoped ? IsDnsLabel(name) : IsDnsSubdomain(name);
        if (valid) return name;
        problems.At(path, clusterScoped
            ? $"metadata.name '{name}' is not a valid DNS label: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit"
            : $"metadata.name '{name}' is not a valid name: at most 253 lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");
        return null;
    }

    private static string? CheckNamespace(JsonObject metadata, DocumentProblems problems)
    {
        if (!metadata.TryGetPropertyValue("namespace", out var node) || node is null) return null;
        var path = Metadata.Child("namespace");
        if (node.GetValueKind() == JsonValueKind.String && IsDnsLabel(node.GetValue<string>())) return node.GetValue<string>();
        problems.At(path, $"metadata.namespace {node.ToJsonString()} is not a valid namespace: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit");
        return null;
    }

    private static void CheckStringMap(JsonObject metadata, string field, DocumentProblems problems)
    {
        if (!metadata.TryGetPropertyValue(field, out var node) || node is null) return;
        var path = Metadata.Child(field);
        if (node is not JsonObject map)
        {
            problems.At(path, $"metadata.{field} must be a mapping of strings");
            return;
        }

        foreach (var (key, value) in map)
        {
            if (value?.GetValueKind() != JsonValueKind.String)
                problems.At(path.Child(key), $"metadata.{field}.{key} must be a string (quote the value)");
            else if (field == "labels" && !IsLabelValue(value.GetValue<string>()))
                problems.At(path.Child(key), $"label value '{value.GetValue<string>()}' is invalid: at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
        }
    }

    // The shared patterns end in '$', which .NET also matches before a final newline.
    public static bool IsDnsSubdomain(string name) => name.Length <= 253 && !name.EndsWith('\n') && DnsSubdomain().IsMatch(name);

    public static bool IsDnsLabel(string name) => name.Length <= 63 && !name.EndsWith('\n') && DnsLabel().IsMatch(name);

    private static bool IsLabelValue(string value) => value.Length <= 63 && !value.EndsWith('\n') && LabelValue().IsMatch(value);

    [GeneratedRegex(Patterns.DnsSubdomain, RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex(Patterns.DnsLabel, RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValue();
}
