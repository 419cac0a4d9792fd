namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>
/// The merge structure of the built-in kinds we write, by field name: the lists real server-side apply
/// merges by key (containers, ports, env, volumes, conditions). Every other list is atomic.
/// </summary>
internal sealed class BuiltInFieldSchema : FieldSchema
{
    public static readonly FieldSchema Root = new BuiltInFieldSchema(null, null);

    private readonly string? name;
    private readonly string? parent;

    private BuiltInFieldSchema(string? name, string? parent)
    {
        this.name = name;
        this.parent = parent;
    }

    public override FieldSchema Property(string field) =>
        name is null && field == "metadata" ? MetadataFieldSchema.Instance : new BuiltInFieldSchema(field, name);

    public override FieldSchema Items => this;

    public override ListType ListType => MapKeys.Count > 0 ? ListType.Map : ListType.Atomic;

    public override IReadOnlyList<string> MapKeys => (name, parent) switch
    {
        ("containers" or "initContainers" or "ephemeralContainers", _) => ["name"],
        ("ports", "containers" or "initContainers") => ["containerPort", "protocol"],
        ("ports", "spec") => ["port", "protocol"],
        ("env" or "volumes" or "imagePullSecrets", _) => ["name"],
        ("volumeMounts", _) => ["mountPath"],
        ("conditions", "status") => ["type"],
        _ => [],
    };
}
