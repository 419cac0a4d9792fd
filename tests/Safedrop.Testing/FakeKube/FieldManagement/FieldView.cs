using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>
/// An object as field management sees it: without apiVersion, kind and the metadata the server owns
/// (name, uid, resourceVersion, managedFields, ...), which nobody can own.
/// </summary>
internal static class FieldView
{
    private static readonly string[] ServerOwnedMetadata =
    [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
        "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds",
    ];

    public static JsonObject Of(JsonObject obj)
    {
        var view = (JsonObject)obj.DeepClone();
        view.Remove("apiVersion");
        view.Remove("kind");
        if (view["metadata"] is JsonObject meta)
        {
            foreach (var field in ServerOwnedMetadata) meta.Remove(field);
        }

        return view;
    }

    /// <summary>Drops the metadata object itself, which is never owned (its fields may be).</summary>
    public static FieldSet Clean(FieldSet set) => set.WithoutMember(PathElements.Field("metadata"));

    /// <summary>The part of a field set a write through this endpoint can own.</summary>
    public static FieldSet Scope(FieldSet set, string subresource, bool hasStatus) => subresource switch
    {
        "status" => set.Only(PathElements.Field("status")),
        _ when hasStatus => set.Without(PathElements.Field("status")),
        _ => set,
    };
}
