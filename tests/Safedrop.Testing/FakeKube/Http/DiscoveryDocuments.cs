using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Discovery;

namespace Safedrop.Testing.FakeKube.Http;

/// <summary>The discovery documents (<c>/version</c>, <c>/api</c>, <c>/apis</c>, <c>/api/v1</c>, <c>/apis/{group}/{version}</c>) for tools that ask.</summary>
internal static class DiscoveryDocuments
{
    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject? For(string path, ResourceCatalog catalog)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var types = catalog.All();
        return segments switch
        {
            ["version"] => new JsonObject { ["major"] = "1", ["minor"] = "24", ["gitVersion"] = "v1.24.0-fake", ["platform"] = "linux/amd64" },
            ["api"] => new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1") },
            ["apis"] => new JsonObject
            {
                ["kind"] = "APIGroupList",
                ["apiVersion"] = "v1",
                ["groups"] = new JsonArray([.. types.Where(t => t.Group.Length > 0).GroupBy(t => t.Group).Select(g => (JsonNode)Group(g.Key, g))]),
            },
            ["apis", var group] when types.Any(t => t.Group == group) => Group(group, types.Where(t => t.Group == group)),
            ["api", var version] => Resources("", version, types),
            ["apis", var group, var version] => Resources(group, version, types),
            _ => null,
        };
    }

    private static JsonObject Group(string name, IEnumerable<ResourceType> types)
    {
        var versions = types.Select(t => t.Version).Distinct().Select(v => (JsonNode)new JsonObject { ["groupVersion"] = name + "/" + v, ["version"] = v });
        var list = new JsonArray([.. versions]);
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = name,
            ["versions"] = list,
            ["preferredVersion"] = list[0]?.DeepClone(),
        };
    }

    private static JsonObject? Resources(string group, string version, IEnumerable<ResourceType> types)
    {
        var served = types.Where(t => t.Group == group && t.Version == version).ToList();
        if (served.Count == 0) return null;
        var resources = new JsonArray();
        foreach (var type in served)
        {
            resources.Add(Resource(type.Plural, type, AllVerbs));
            if (type.HasStatus) resources.Add(Resource(type.Plural + "/status", type, ["get", "patch", "update"]));
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = served[0].ApiVersion,
            ["resources"] = resources,
        };
    }

    private static JsonObject Resource(string name, ResourceType type, string[] verbs) => new()
    {
        ["name"] = name,
        ["singularName"] = name.Contains('/', StringComparison.Ordinal) ? "" : type.Singular,
        ["namespaced"] = type.Namespaced,
        ["kind"] = type.Kind,
        ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]),
        ["shortNames"] = new JsonArray([.. type.ShortNames.Select(s => (JsonNode)s)]),
    };
}
