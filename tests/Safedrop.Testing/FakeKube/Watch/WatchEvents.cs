using System.Globalization;
using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Discovery;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Watch;

/// <summary>The lines of a watch stream: <c>{"type": ..., "object": ...}</c>.</summary>
internal static class WatchEvents
{
    public static JsonObject Event(string type, JsonObject obj) => new() { ["type"] = type, ["object"] = obj };

    /// <summary>A bookmark: just the kind and the revision the watch has seen up to.</summary>
    public static JsonObject Bookmark(ResourceType type, long revision) => Event("BOOKMARK", new JsonObject
    {
        ["kind"] = type.Kind,
        ["apiVersion"] = type.ApiVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) },
    });

    /// <summary>kube-wire 16: a too-old resourceVersion is an ERROR event holding a 410 Expired Status.</summary>
    public static JsonObject Expired(long requested, long oldest) =>
        Event("ERROR", StatusBodies.Expired($"too old resource version: {requested} ({oldest})"));
}
