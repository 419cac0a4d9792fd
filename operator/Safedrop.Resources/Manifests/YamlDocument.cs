using System.Text.Json.Nodes;

namespace Safedrop.Resources.Manifests;

/// <summary>One non-empty YAML document in JSON form, with the line of each value and what was wrong with its YAML.</summary>
internal sealed record YamlDocument(string Path, JsonNode? Root, NodeLines Lines, int Line, IReadOnlyList<ManifestProblem> Problems)
{
    public SourceLocation Location => new(Path, Line);

    public SourceLocation LocationOf(FieldPath path) => new(Path, Lines.LineOf(path));
}
