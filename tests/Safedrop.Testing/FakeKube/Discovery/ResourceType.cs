using Safedrop.Testing.FakeKube.FieldManagement;
using Safedrop.Testing.FakeKube.Validation;

namespace Safedrop.Testing.FakeKube.Discovery;

/// <summary>One served resource: where it lives in the URL space and how its writes behave.</summary>
internal sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    public string Singular { get; init; } = Kind.ToLowerInvariant();

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Has a <c>/status</c> subresource: the main resource ignores status, and status writes touch nothing else.</summary>
    public bool HasStatus { get; init; }

    /// <summary>Keeps <c>metadata.generation</c>, bumped on changes outside metadata and status.</summary>
    public bool HasGeneration { get; init; }

    /// <summary>Custom resources refuse an update without <c>metadata.resourceVersion</c>.</summary>
    public bool RequiresResourceVersionOnUpdate { get; init; }

    /// <summary>Custom resources return the deleted object; built-in kinds a success Status.</summary>
    public bool ReturnsDeletedObject { get; init; }

    public FieldSchema Fields { get; init; } = BuiltInFieldSchema.Root;

    /// <summary>The CRD's schema and rules; null for built-in kinds.</summary>
    public CustomResourceSchema? Custom { get; init; }

    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    public string ListKind { get; init; } = Kind + "List";

    /// <summary><c>dropzones.safedrop.io</c>, or just <c>secrets</c> in the core group.</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : Plural + "." + Group;

    /// <summary><c>Dropzone.safedrop.io</c>, or just <c>Namespace</c> in the core group.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : Kind + "." + Group;

    public StorageResource Storage => new(Group, Plural);
}

/// <summary>Objects of one resource are stored once, whichever version they were written through.</summary>
internal sealed record StorageResource(string Group, string Plural);
