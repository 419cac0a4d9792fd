using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Json;

namespace Safedrop.Testing.FakeKube.Handlers;

/// <summary>The metadata only the server sets: clients cannot create or change it.</summary>
internal static class ServerMetadata
{
    private static readonly string[] Owned =
    [
        "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink",
    ];

    /// <summary>Removes what a client sent for the server-owned fields of a new object.</summary>
    public static void Clear(JsonObject obj)
    {
        var meta = obj.Metadata();
        foreach (var field in Owned) meta.Remove(field);
    }

    /// <summary>Keeps the stored object's identity and lifecycle fields on an update.</summary>
    public static void CarryOver(JsonObject next, JsonObject current)
    {
        foreach (var field in (string[])["name", "namespace", "uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "resourceVersion"])
            next.CopyMeta(current, field);
    }

    /// <summary>Everything but metadata and status: a change here bumps metadata.generation.</summary>
    public static bool SpecChanged(JsonObject before, JsonObject after)
    {
        static JsonObject Body(JsonObject obj)
        {
            var body = KubeJson.CloneObject(obj);
            body.Remove("metadata");
            body.Remove("status");
            body.Remove("apiVersion");
            body.Remove("kind");
            return body;
        }

        return !KubeJson.Same(Body(before), Body(after));
    }
}
