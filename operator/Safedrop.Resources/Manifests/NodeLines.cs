namespace Safedrop.Resources.Manifests;

/// <summary>
/// The line of every value of a document, by path, so that a problem found in the JSON form
/// (a schema violation, a bad name) can point at the line a user has to edit.
/// </summary>
internal sealed class NodeLines
{
    private readonly Dictionary<FieldPath, int> lines = [];
    private readonly Dictionary<FieldPath, string> implicitScalars = [];

    public NodeLines(int documentLine) => lines[FieldPath.Root] = documentLine;

    /// <summary>Keeps the first line recorded for a path: a mapping entry's key line wins over its value's.</summary>
    public void Record(FieldPath path, int line) => lines.TryAdd(path, line);

    /// <summary>Remembers a plain scalar that YAML typed as something other than a string (<c>123</c>, <c>true</c>).</summary>
    public void RecordImplicitScalar(FieldPath path, string text) => implicitScalars.TryAdd(path, text);

    public string? ImplicitScalarAt(FieldPath path) => implicitScalars.GetValueOrDefault(path);

    /// <summary>The line of the value at the path, or of its nearest parent that exists (for a missing field).</summary>
    public int LineOf(FieldPath path)
    {
        for (var current = path; current is not null; current = current.Parent)
        {
            if (lines.TryGetValue(current, out var line)) return line;
        }

        return lines[FieldPath.Root];
    }
}
