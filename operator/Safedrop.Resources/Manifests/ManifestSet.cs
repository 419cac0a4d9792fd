using System.Text.Json.Nodes;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Manifests;

/// <summary>A YAML file's path (as shown to users) and its text.</summary>
public sealed record ManifestSource(string Path, string Text);

public sealed record SourceLocation(string Path, int Line)
{
    public override string ToString() => $"{Path}:{Line}";
}

/// <summary>Something wrong with a file: malformed YAML, an unknown kind, an unknown field, a duplicate name.</summary>
public sealed record ManifestProblem(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>A Safedrop resource read from a file, its namespace filled in.</summary>
public sealed record LoadedResource(ISafedropResource Resource, SourceLocation Location);

/// <summary>A plain Kubernetes object the folder may hold beside the resources (Namespace, Secret, ConfigMap).</summary>
public sealed record LoadedObject(string ApiVersion, string Kind, string Namespace, string Name, JsonObject Body, SourceLocation Location);

public sealed record ManifestSet(IReadOnlyList<LoadedResource> Resources, IReadOnlyList<LoadedObject> Objects, IReadOnlyList<ManifestProblem> Problems);
