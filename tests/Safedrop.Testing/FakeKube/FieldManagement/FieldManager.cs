using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>
/// Keeps <c>metadata.managedFields</c> the way the API server does for updates (the writer takes the
/// fields it changed) and for server-side apply (the applier owns exactly what it applied; changing a
/// field someone else owns is a conflict unless forced).
/// </summary>
internal sealed class FieldManager(FieldSchema schema, string now)
{
    public List<ManagedFieldsEntry> RecordUpdate(
        IReadOnlyList<ManagedFieldsEntry> entries, JsonObject? before, JsonObject after, string manager, string apiVersion, string? subresource)
    {
        var comparison = Compare(before, after);
        var changed = FieldView.Clean(comparison.Changed);
        var removed = FieldView.Clean(comparison.Removed);
        var result = new List<ManagedFieldsEntry>();
        ManagedFieldsEntry? own = null;
        foreach (var entry in entries)
        {
            if (entry.Is(manager, ManagedFieldsEntry.Update, subresource))
            {
                own = entry;
                continue;
            }

            Keep(result, entry, entry.Fields.Except(changed).Except(removed));
        }

        var ownFields = (own?.Fields ?? FieldSet.Empty).Except(removed).Union(changed);
        if (!ownFields.IsEmpty)
        {
            var time = own is null || !changed.IsEmpty ? now : own.Time;
            result.Add(new ManagedFieldsEntry(manager, ManagedFieldsEntry.Update, apiVersion, time, subresource, ownFields));
        }

        return result;
    }

    /// <summary>The applied configuration merged into the live object, minus the fields the applier gave up.</summary>
    public (JsonObject Merged, FieldSet Applied) MergeApplied(
        IReadOnlyList<ManagedFieldsEntry> entries, JsonObject? live, JsonObject config, string manager, string? subresource, bool hasStatus)
    {
        var applied = FieldView.Scope(FieldView.Clean(FieldSetBuilder.Of(FieldView.Of(config), schema)), subresource ?? "", hasStatus);
        var merged = (JsonObject)ObjectMerger.Merge(live ?? [], config, schema)!;
        var previous = entries.FirstOrDefault(e => e.Is(manager, ManagedFieldsEntry.Apply, subresource));
        if (previous is not null)
        {
            var ownedByOthers = entries.Where(e => e != previous).Aggregate(FieldSet.Empty, (all, e) => all.Union(e.Fields));
            ObjectPruner.Remove(merged, previous.Fields.Except(applied).Except(ownedByOthers), schema);
        }

        return (merged, applied);
    }

    public List<ManagedFieldsEntry> RecordApply(
        IReadOnlyList<ManagedFieldsEntry> entries, JsonObject? live, JsonObject result, FieldSet applied,
        string manager, string apiVersion, string? subresource, bool force)
    {
        var comparison = Compare(live, result);
        var changed = FieldView.Clean(comparison.Changed);
        var removed = FieldView.Clean(comparison.Removed);
        var own = entries.FirstOrDefault(e => e.Is(manager, ManagedFieldsEntry.Apply, subresource));
        var others = entries.Where(e => e != own).ToList();
        var conflicts = others
            .SelectMany(e => e.Fields.Intersect(changed).Paths().Select(p => (e, p)))
            .ToList();
        if (conflicts.Count > 0 && !force) throw new ApplyConflictException(conflicts);

        var kept = new List<ManagedFieldsEntry>();
        foreach (var entry in others) Keep(kept, entry, entry.Fields.Except(changed).Except(removed));
        if (!applied.IsEmpty)
        {
            var unchanged = own is not null && comparison.IsSame && own.Fields.SameAs(applied) && own.ApiVersion == apiVersion;
            kept.Add(new ManagedFieldsEntry(manager, ManagedFieldsEntry.Apply, apiVersion, unchanged ? own!.Time : now, subresource, applied));
        }

        return kept;
    }

    private Comparison Compare(JsonObject? before, JsonObject after) =>
        ObjectComparer.Compare(before is null ? null : FieldView.Of(before), FieldView.Of(after), schema);

    private static void Keep(List<ManagedFieldsEntry> result, ManagedFieldsEntry entry, FieldSet fields)
    {
        if (fields.IsEmpty) return;
        result.Add(fields.SameAs(entry.Fields) ? entry : entry with { Fields = fields });
    }
}
