using System.Globalization;
using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Discovery;
using Safedrop.Testing.FakeKube.Json;

namespace Safedrop.Testing.FakeKube.Http;

/// <summary>Shapes stored objects for a response: in the requested version, and lists with their list metadata.</summary>
internal static class Presenter
{
    public static JsonObject Object(ResourceType type, JsonObject stored)
    {
        var obj = KubeJson.CloneObject(stored);
        if (type.Custom is not null) obj["apiVersion"] = type.ApiVersion;
        return obj;
    }

    /// <summary>kube-wire 08: <c>{apiVersion, items, kind: &lt;Kind&gt;List, metadata: {continue, resourceVersion}}</c>.</summary>
    public static JsonObject List(ResourceType type, IEnumerable<JsonObject> items, long revision) => new()
    {
        ["apiVersion"] = type.ApiVersion,
        ["items"] = new JsonArray([.. items.Select(i => (JsonNode)Object(type, i))]),
        ["kind"] = type.ListKind,
        ["metadata"] = new JsonObject
        {
            ["continue"] = "",
            ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture),
        },
    };
}
