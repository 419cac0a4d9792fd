namespace Safedrop.Resources.Manifests;

/// <summary>Who an object is: two documents must not declare the same one.</summary>
internal sealed record ObjectIdentity(string Kind, string Namespace, string Name)
{
    public override string ToString() => Namespace.Length == 0 ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}

/// <summary>What one document yielded: a resource or a plain object when it had no problems.</summary>
internal sealed record DocumentOutcome(
    IReadOnlyList<ManifestProblem> Problems,
    ObjectIdentity? Identity = null,
    SourceLocation? IdentityLocation = null,
    LoadedResource? Resource = null,
    LoadedObject? Object = null);
