namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>How server-side apply treats a list: replaced whole, merged as a set of values, or merged by key.</summary>
internal enum ListType
{
    Atomic,
    Set,
    Map,
}

/// <summary>
/// The structure server-side apply needs at one place of an object: which lists merge and by what key,
/// and whether an object is owned as a whole. Mirrors structured-merge-diff's schema, only as far as we use it.
/// </summary>
internal abstract class FieldSchema
{
    public abstract FieldSchema Property(string name);

    public virtual FieldSchema Items => this;

    public virtual ListType ListType => ListType.Atomic;

    public virtual IReadOnlyList<string> MapKeys => [];

    /// <summary>An object replaced whole (<c>x-kubernetes-map-type: atomic</c>).</summary>
    public virtual bool IsAtomicObject => false;
}

/// <summary>No schema known: objects merge field by field, lists are atomic.</summary>
internal sealed class UntypedFieldSchema : FieldSchema
{
    public static readonly UntypedFieldSchema Instance = new();

    public override FieldSchema Property(string name) => Instance;
}

/// <summary>Object metadata as every kind has it: finalizers form a set, owner references are keyed by uid.</summary>
internal sealed class MetadataFieldSchema : FieldSchema
{
    public static readonly MetadataFieldSchema Instance = new();

    public override FieldSchema Property(string name) => name switch
    {
        "finalizers" => new FixedListSchema(ListType.Set, []),
        "ownerReferences" => new FixedListSchema(ListType.Map, ["uid"]),
        _ => UntypedFieldSchema.Instance,
    };
}

/// <summary>A list with a known merge type whose items are untyped.</summary>
internal sealed class FixedListSchema(ListType listType, IReadOnlyList<string> keys) : FieldSchema
{
    public override FieldSchema Property(string name) => UntypedFieldSchema.Instance;

    public override FieldSchema Items => UntypedFieldSchema.Instance;

    public override ListType ListType => listType;

    public override IReadOnlyList<string> MapKeys => keys;
}
