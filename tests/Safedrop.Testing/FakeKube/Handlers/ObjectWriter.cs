using System.Text.Json.Nodes;
using Safedrop.Resources.Schema;
using Safedrop.Testing.FakeKube.Discovery;
using Safedrop.Testing.FakeKube.FieldManagement;
using Safedrop.Testing.FakeKube.Json;
using Safedrop.Testing.FakeKube.Status;
using Safedrop.Testing.FakeKube.Storage;
using Safedrop.Testing.FakeKube.Validation;

namespace Safedrop.Testing.FakeKube.Handlers;

/// <summary>
/// Every write goes through here, in the API server's order: scope to the endpoint (main resource or
/// status), server-owned metadata, defaults and pruning, managed fields (apply conflicts), validation,
/// generation, then store — unless nothing changed, in which case nothing is written and the
/// resourceVersion stays. Callers hold the store's gate.
/// </summary>
internal sealed class ObjectWriter(FakeKubeState state, ResourceType type)
{
    private readonly string now = state.Now();

    private FieldManager Fields => new(type.Fields, now);

    public WriteResult Create(JsonObject body, string? @namespace, string manager, ApplyIntent? apply)
    {
        var obj = KubeJson.CloneObject(body);
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        AssignName(obj);
        if (type.Namespaced) obj.SetMeta("namespace", @namespace);
        else obj.Metadata().Remove("namespace");
        var key = new ObjectKey(type.Storage, @namespace ?? "", obj.Name());
        if (type.Namespaced && state.Options.RequireNamespaces && state.Store.Get(new ObjectKey(BuiltInResources.Namespaces, "", @namespace!)) is null)
            throw new KubeApiException(StatusBodies.NamespaceNotFound(@namespace!));
        if (state.Store.Get(key) is not null) throw new KubeApiException(StatusBodies.AlreadyExists(type, key.Name));

        ServerMetadata.Clear(obj);
        obj.SetMeta("uid", Guid.NewGuid().ToString());
        obj.SetMeta("creationTimestamp", now);
        if (type.HasGeneration) obj.SetMeta("generation", 1);
        if (type.HasStatus) obj.Remove("status");
        KindHooks.BeforeCreate(type, obj);
        Normalize(obj);
        SetManagedFields(obj, apply is null
            ? Fields.RecordUpdate([], null, obj, manager, type.ApiVersion, null)
            : Fields.RecordApply([], null, obj, apply.Applied, manager, type.ApiVersion, null, apply.Force));
        Validate(obj, null);
        var stored = state.Store.Put(key, obj);
        KindHooks.AfterWrite(state, type, stored);
        return new WriteResult(stored, true, true);
    }

    public WriteResult Update(ObjectKey key, JsonObject current, JsonObject proposed, string subresource, string manager, ApplyIntent? apply)
    {
        var requested = proposed.ResourceVersion();
        if (!string.IsNullOrEmpty(requested) && requested != current.ResourceVersion())
            throw new KubeApiException(StatusBodies.StaleResourceVersion(type, key.Name));

        var next = Scope(current, proposed, subresource);
        next["apiVersion"] = type.ApiVersion;
        next["kind"] = type.Kind;
        ServerMetadata.CarryOver(next, current);
        RefuseNewFinalizersWhileDeleting(current, next);
        if (subresource.Length == 0) KindHooks.BeforeUpdate(type, next);
        Normalize(next);
        var entries = ManagedFieldsEntry.ReadAll(current);
        var sub = subresource.Length == 0 ? null : subresource;
        SetManagedFields(next, apply is null
            ? Fields.RecordUpdate(entries, current, next, manager, type.ApiVersion, sub)
            : Fields.RecordApply(entries, current, next, apply.Applied, manager, type.ApiVersion, sub, apply.Force));
        Validate(next, current);
        if (type.HasGeneration && ServerMetadata.SpecChanged(current, next)) next.SetMeta("generation", current.Generation() + 1);

        if (KubeJson.Same(current, next)) return new WriteResult(current, false, false);
        if (next.IsDeleting() && next.Finalizers().Count == 0)
        {
            // The last finalizer is gone: the object goes; the response still shows it as it was last stored.
            state.Store.Remove(key, next);
            KindHooks.AfterRemove(state, type, next);
            return new WriteResult(next, true, false);
        }

        var stored = state.Store.Put(key, next);
        KindHooks.AfterWrite(state, type, stored);
        return new WriteResult(stored, true, false);
    }

    public WriteResult Delete(ObjectKey key, JsonObject current)
    {
        if (current.Finalizers().Count > 0)
        {
            if (current.IsDeleting()) return new WriteResult(current, false, false);
            var next = KubeJson.CloneObject(current);
            next.SetMeta("deletionTimestamp", now);
            next.SetMeta("deletionGracePeriodSeconds", 0);
            if (type.HasGeneration) next.SetMeta("generation", current.Generation() + 1);
            return new WriteResult(state.Store.Put(key, next), true, false);
        }

        var removed = state.Store.Remove(key, current);
        KindHooks.AfterRemove(state, type, removed);
        return new WriteResult(removed, true, false);
    }

    private JsonObject Scope(JsonObject current, JsonObject proposed, string subresource)
    {
        var (next, statusFrom) = subresource == "status"
            ? (KubeJson.CloneObject(current), proposed)
            : (KubeJson.CloneObject(proposed), type.HasStatus ? current : proposed);
        if (statusFrom["status"] is { } status) next["status"] = status.DeepClone();
        else next.Remove("status");
        return next;
    }

    private void AssignName(JsonObject obj)
    {
        if (!string.IsNullOrEmpty(obj.Name())) return;
        var prefix = obj.MetaString("generateName");
        if (string.IsNullOrEmpty(prefix))
        {
            throw new KubeApiException(StatusBodies.Invalid(type, "",
                [new StatusCause("FieldValueRequired", "Required value: name or generateName is required", "metadata.name")]));
        }

        obj.SetMeta("name", prefix + Guid.NewGuid().ToString("N")[..5]);
    }

    private void RefuseNewFinalizersWhileDeleting(JsonObject current, JsonObject next)
    {
        if (!current.IsDeleting()) return;
        var added = next.Finalizers().Except(current.Finalizers()).ToList();
        if (added.Count == 0) return;
        var list = string.Join(", ", added.Select(f => $"\"{f}\""));
        throw new KubeApiException(StatusBodies.Invalid(type, current.Name(),
            [new StatusCause("FieldValueForbidden", $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{list}}}", "metadata.finalizers")]));
    }

    /// <summary>Custom resources are pruned to their schema and defaulted, as on decode.</summary>
    private void Normalize(JsonObject obj)
    {
        if (type.Custom is not { } schema) return;
        SchemaPruner.Prune(obj, schema.OpenApi);
        SchemaDefaults.Apply(obj, schema.Props);
    }

    private void Validate(JsonObject obj, JsonObject? old)
    {
        if (type.Custom is not { } schema) return;
        var causes = CustomResourceValidator.Validate(schema, obj, old);
        if (causes.Count > 0) throw new KubeApiException(StatusBodies.Invalid(type, obj.Name(), causes));
    }

    private static void SetManagedFields(JsonObject obj, List<ManagedFieldsEntry> entries)
    {
        if (entries.Count == 0) obj.Metadata().Remove("managedFields");
        else obj.SetMeta("managedFields", ManagedFieldsEntry.WriteAll(entries));
    }
}
