using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Discovery;
using Safedrop.Testing.FakeKube.Json;
using Safedrop.Testing.FakeKube.Status;
using Safedrop.Testing.FakeKube.Storage;

namespace Safedrop.Testing.FakeKube.Handlers;

/// <summary>
/// What some kinds do beyond storage: a Namespace gets its name label and holds its objects; a
/// CustomResourceDefinition is checked, serves its resources once stored, and is established by
/// "kube-apiserver" (kube-wire 01/02); removing either removes what it holds.
/// </summary>
internal static class KindHooks
{
    private const string NameLabel = "kubernetes.io/metadata.name";

    public static void BeforeCreate(ResourceType type, JsonObject obj)
    {
        if (type.Storage == BuiltInResources.Namespaces)
        {
            LabelNamespace(obj);
            obj["spec"] ??= new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
            obj["status"] = new JsonObject { ["phase"] = "Active" };
        }
        else if (type.Storage == BuiltInResources.CustomResourceDefinitions)
        {
            CheckDefinition(type, obj);
            obj["status"] = CrdRegistration.InitialStatus(obj);
        }
    }

    public static void BeforeUpdate(ResourceType type, JsonObject next)
    {
        if (type.Storage == BuiltInResources.Namespaces) LabelNamespace(next);
        else if (type.Storage == BuiltInResources.CustomResourceDefinitions) CheckDefinition(type, next);
    }

    public static void AfterWrite(FakeKubeState state, ResourceType type, JsonObject stored)
    {
        if (type.Storage != BuiltInResources.CustomResourceDefinitions || stored.IsDeleting()) return;
        state.Catalog.Serve(CrdRegistration.StorageOf(stored), CrdRegistration.Types(stored));
        if (stored["status"]?["conditions"] is JsonArray) return;
        var established = KubeJson.CloneObject(stored);
        established["status"] = CrdRegistration.EstablishedStatus(stored, state.Now());
        new ObjectWriter(state, type).Update(new ObjectKey(type.Storage, "", stored.Name()), stored, established, "status", "kube-apiserver", null);
    }

    public static void AfterRemove(FakeKubeState state, ResourceType type, JsonObject removed)
    {
        if (type.Storage == BuiltInResources.Namespaces)
        {
            RemoveAll(state, key => key.Namespace == removed.Name());
        }
        else if (type.Storage == BuiltInResources.CustomResourceDefinitions)
        {
            var storage = CrdRegistration.StorageOf(removed);
            state.Catalog.Withdraw(storage);
            RemoveAll(state, key => key.Resource == storage);
        }
    }

    private static void RemoveAll(FakeKubeState state, Func<ObjectKey, bool> predicate)
    {
        foreach (var key in state.Store.Keys(predicate))
        {
            if (state.Store.Get(key) is { } obj) state.Store.Remove(key, obj);
        }
    }

    private static void LabelNamespace(JsonObject obj)
    {
        var meta = obj.Metadata();
        if (meta["labels"] is not JsonObject labels)
        {
            labels = [];
            meta["labels"] = labels;
        }

        labels[NameLabel] = obj.Name();
    }

    private static void CheckDefinition(ResourceType type, JsonObject crd)
    {
        CrdRegistration.ApplyDefaults(crd);
        var causes = CrdRegistration.Check(crd);
        if (causes.Count > 0) throw new KubeApiException(StatusBodies.Invalid(type, crd.Name(), causes));
    }
}
