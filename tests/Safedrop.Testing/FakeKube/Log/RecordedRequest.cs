namespace Safedrop.Testing.FakeKube.Log;

/// <summary>One request the fake served, as a test wants to assert on it.</summary>
public sealed record RecordedRequest(
    long Sequence,
    string Method,
    string Path,
    string Query,
    string Verb,
    string? Group,
    string? Version,
    string? Resource,
    string? Subresource,
    string? Namespace,
    string? Name,
    string? FieldManager,
    string? ContentType,
    string? User,
    int StatusCode,
    bool Mutated)
{
    public static readonly IReadOnlySet<string> WriteVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "create", "update", "patch", "delete", "deletecollection",
    };

    /// <summary>A create, update, patch or delete request, whether or not it changed anything.</summary>
    public bool IsWrite => WriteVerbs.Contains(Verb);
}
