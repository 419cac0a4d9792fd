namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>A server-side apply would change fields another manager owns (kube-wire 13).</summary>
internal sealed class ApplyConflictException(IReadOnlyList<(ManagedFieldsEntry Owner, IReadOnlyList<string> Path)> conflicts)
    : Exception("Apply failed with " + conflicts.Count + " conflict(s)")
{
    public IReadOnlyList<(ManagedFieldsEntry Owner, IReadOnlyList<string> Path)> Conflicts { get; } = conflicts;

    public IEnumerable<Status.StatusCause> Causes => Conflicts.Select(c =>
        new Status.StatusCause("FieldManagerConflict", "conflict with " + c.Owner.Describe(), PathElements.Display(c.Path)));

    /// <summary>kube's getConflictMessage: one line for one conflict, else grouped by manager.</summary>
    public string Describe()
    {
        if (Conflicts.Count == 1)
            return $"Apply failed with 1 conflict: conflict with {Conflicts[0].Owner.Describe()}: {PathElements.Display(Conflicts[0].Path)}";
        var lines = Conflicts
            .GroupBy(c => c.Owner.Describe(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Select(c => "- " + PathElements.Display(c.Path)).Prepend($"conflicts with {g.Key}:"));
        return $"Apply failed with {Conflicts.Count} conflicts: {string.Join("\n", lines)}";
    }
}
