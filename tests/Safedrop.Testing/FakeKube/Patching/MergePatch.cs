using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.Patching;

/// <summary>JSON merge patch (RFC 7386): objects merge, null deletes, everything else replaces.</summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObj) return patch?.DeepClone();
        var result = target is JsonObject targetObj ? (JsonObject)targetObj.DeepClone() : [];
        foreach (var (name, value) in patchObj)
        {
            if (value is null) result.Remove(name);
            else result[name] = Apply(result[name], value);
        }

        return result;
    }
}
