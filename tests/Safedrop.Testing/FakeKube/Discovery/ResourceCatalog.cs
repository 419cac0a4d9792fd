namespace Safedrop.Testing.FakeKube.Discovery;

/// <summary>The resources the fake serves: the built-in table plus whatever CRDs were created through the API.</summary>
internal sealed class ResourceCatalog
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Group, string Version, string Plural), ResourceType> types = [];

    public ResourceCatalog()
    {
        foreach (var type in BuiltInResources.All) types[(type.Group, type.Version, type.Plural)] = type;
    }

    public ResourceType? Find(string group, string version, string plural)
    {
        lock (gate) return types.GetValueOrDefault((group, version, plural));
    }

    public IReadOnlyList<ResourceType> All()
    {
        lock (gate) return [.. types.Values];
    }

    /// <summary>Serves a CRD's versions, replacing what an earlier version of the same CRD served.</summary>
    public void Serve(StorageResource storage, IReadOnlyList<ResourceType> versions)
    {
        lock (gate)
        {
            Withdraw(storage);
            foreach (var type in versions) types[(type.Group, type.Version, type.Plural)] = type;
        }
    }

    public void Withdraw(StorageResource storage)
    {
        lock (gate)
        {
            foreach (var key in types.Where(t => t.Value.Custom is not null && t.Value.Storage == storage).Select(t => t.Key).ToList())
                types.Remove(key);
        }
    }
}
