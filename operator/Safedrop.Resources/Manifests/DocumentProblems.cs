namespace Safedrop.Resources.Manifests;

/// <summary>Problems of one document, each placed on the line of the value it is about.</summary>
internal sealed class DocumentProblems(YamlDocument document)
{
    private readonly List<ManifestProblem> problems = [.. document.Problems];

    public IReadOnlyList<ManifestProblem> All => problems;

    public bool Any => problems.Count > 0;

    public void At(FieldPath path, string message) => problems.Add(new(document.LocationOf(path), message));

    public void Add(ManifestProblem problem) => problems.Add(problem);
}
