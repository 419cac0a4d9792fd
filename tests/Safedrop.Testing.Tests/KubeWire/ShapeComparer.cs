using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Safedrop.Testing.Tests.KubeWire;

/// <summary>
/// Compares a fake's response with a recorded one by shape: kinds; Status reason, code, message and
/// causes; which metadata fields exist; generation; managed field owners (and field sets for custom
/// resources); spec, status and other content. Values that always differ are masked: uids, timestamps,
/// resourceVersions (their movement is checked by <see cref="KubeWireReplay"/>), managedFields times.
/// </summary>
public static partial class ShapeComparer
{
    private static readonly string[] MetadataFields =
        ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields"];

    private static readonly HashSet<string> MaskedKeys = new(StringComparer.Ordinal)
    {
        "uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "lastTransitionTime", "time",
    };

    /// <summary>Fields a real server adds by decoding into Go types, which the fake does not reproduce (named, not hidden).</summary>
    private static readonly HashSet<string> TypedDecodingExtras = new(StringComparer.Ordinal)
    {
        "deprecatedSource", "deprecatedFirstTimestamp", "deprecatedLastTimestamp",
    };

    public static List<string> Compare(ReplayedExchange replayed)
    {
        var differences = new List<string>(replayed.MovementErrors);
        var recorded = replayed.Recorded;
        if (recorded.StatusCode != replayed.StatusCode)
            differences.Add($"status code: recorded {recorded.StatusCode}, fake {replayed.StatusCode}");
        if (recorded.IsWatch) CompareEvents(recorded.ResponseValues, replayed.ResponseValues, differences);
        else if (recorded.ResponseValues is [JsonObject expected] && replayed.ResponseValues is [JsonObject actual]) Body("", expected, actual, differences);
        else differences.Add($"body: recorded {recorded.ResponseValues.Count} JSON values, fake {replayed.ResponseValues.Count}");
        return differences;
    }

    private static void CompareEvents(IReadOnlyList<JsonNode> expected, IReadOnlyList<JsonNode> actual, List<string> differences)
    {
        var expectedTypes = expected.Select(e => e["type"]?.GetValue<string>()).ToList();
        var actualTypes = actual.Select(e => e["type"]?.GetValue<string>()).ToList();
        if (!expectedTypes.SequenceEqual(actualTypes))
        {
            differences.Add($"watch event types: recorded [{string.Join(", ", expectedTypes)}], fake [{string.Join(", ", actualTypes)}]");
            return;
        }

        for (var i = 0; i < expected.Count; i++)
            Body($"event[{i}].object", expected[i]["object"]!.AsObject(), actual[i]["object"]!.AsObject(), differences);
    }

    private static void Body(string where, JsonObject expected, JsonObject actual, List<string> differences)
    {
        Same(where + ".kind", expected["kind"], actual["kind"], differences);
        Same(where + ".apiVersion", expected["apiVersion"], actual["apiVersion"], differences);
        if (expected["kind"]?.GetValue<string>() == "Status") StatusBody(where, expected, actual, differences);
        else if (expected["items"] is JsonArray items) List(where, expected, items, actual, differences);
        else ObjectBody(where, expected, actual, differences);
    }

    private static void StatusBody(string where, JsonObject expected, JsonObject actual, List<string> differences)
    {
        foreach (var field in (string[])["status", "reason", "code"]) Same($"{where}.{field}", expected[field], actual[field], differences);
        Same(where + ".message", Digitless(expected["message"]), Digitless(actual["message"]), differences);
        foreach (var field in (string[])["name", "group", "kind"])
            Same($"{where}.details.{field}", expected["details"]?[field], actual["details"]?[field], differences);
        var expectedCauses = expected["details"]?["causes"] as JsonArray ?? [];
        var actualCauses = actual["details"]?["causes"] as JsonArray ?? [];
        if (expectedCauses.Count != actualCauses.Count)
        {
            differences.Add($"{where}.details.causes: recorded {expectedCauses.Count}, fake {actualCauses.Count}: {actualCauses.ToJsonString()}");
            return;
        }

        for (var i = 0; i < expectedCauses.Count; i++)
        {
            foreach (var field in (string[])["reason", "field", "message"])
                Same($"{where}.details.causes[{i}].{field}", expectedCauses[i]?[field], actualCauses[i]?[field], differences);
        }
    }

    private static void List(string where, JsonObject expected, JsonArray items, JsonObject actual, List<string> differences)
    {
        foreach (var field in (string[])["resourceVersion", "continue"])
        {
            if ((expected["metadata"]?[field] is null) != (actual["metadata"]?[field] is null))
                differences.Add($"{where}.metadata.{field}: present {expected["metadata"]?[field] is not null} on the real server");
        }

        var actualItems = actual["items"] as JsonArray ?? [];
        if (items.Count != actualItems.Count)
        {
            differences.Add($"{where}.items: recorded {items.Count}, fake {actualItems.Count}");
            return;
        }

        for (var i = 0; i < items.Count; i++) ObjectBody($"{where}.items[{i}]", items[i]!.AsObject(), actualItems[i]!.AsObject(), differences);
    }

    private static void ObjectBody(string where, JsonObject expected, JsonObject actual, List<string> differences)
    {
        var expectedMeta = expected["metadata"]?.AsObject() ?? [];
        var actualMeta = actual["metadata"]?.AsObject() ?? [];
        foreach (var field in MetadataFields)
        {
            if (expectedMeta.ContainsKey(field) != actualMeta.ContainsKey(field))
                differences.Add($"{where}.metadata.{field}: {(expectedMeta.ContainsKey(field) ? "missing on the fake" : "not on the real server")}");
        }

        foreach (var field in (string[])["name", "namespace", "generation", "finalizers", "labels", "deletionGracePeriodSeconds"])
            Same($"{where}.metadata.{field}", expectedMeta[field], actualMeta[field], differences);
        ManagedFields(where, expected, expectedMeta, actualMeta, differences);

        var keys = expected.Select(p => p.Key).Union(actual.Select(p => p.Key)).Where(k => k is not ("metadata" or "kind" or "apiVersion"));
        foreach (var key in keys.Where(k => !TypedDecodingExtras.Contains(k)))
            Same($"{where}.{key}", Masked(expected[key]), Masked(actual[key]), differences);
    }

    private static void ManagedFields(string where, JsonObject expected, JsonObject expectedMeta, JsonObject actualMeta, List<string> differences)
    {
        var expectedEntries = expectedMeta["managedFields"] as JsonArray ?? [];
        var actualEntries = actualMeta["managedFields"] as JsonArray ?? [];
        if (expectedEntries.Count != actualEntries.Count)
        {
            differences.Add($"{where}.metadata.managedFields: recorded {expectedEntries.Count} entries, fake {actualEntries.Count}: {actualEntries.ToJsonString()}");
            return;
        }

        // Field sets are compared for custom resources; built-in kinds differ in how Go's typed decoding marks parents.
        var custom = expected["apiVersion"]?.GetValue<string>().Contains(".io/", StringComparison.Ordinal) == true
            && !expected["apiVersion"]!.GetValue<string>().Contains("k8s.io", StringComparison.Ordinal);
        for (var i = 0; i < expectedEntries.Count; i++)
        {
            string[] fields = custom ? ["manager", "operation", "subresource", "apiVersion", "fieldsV1"] : ["manager", "operation", "subresource", "apiVersion"];
            foreach (var field in fields)
                Same($"{where}.metadata.managedFields[{i}].{field}", expectedEntries[i]?[field], actualEntries[i]?[field], differences);
        }
    }

    private static void Same(string where, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        if (!JsonNode.DeepEquals(Normalize(expected), Normalize(actual)))
            differences.Add($"{where}: recorded {expected?.ToJsonString() ?? "(none)"}, fake {actual?.ToJsonString() ?? "(none)"}");
    }

    private static JsonNode? Normalize(JsonNode? node) => node is null ? null : JsonNode.Parse(node.ToJsonString());

    private static JsonNode? Masked(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj) copy[key] = MaskedKeys.Contains(key) && value is not null ? "(masked)" : Masked(value);
                return copy;
            case JsonArray list:
                return new JsonArray([.. list.Select(Masked)]);
            default:
                return node?.DeepClone();
        }
    }

    private static JsonValue? Digitless(JsonNode? message) =>
        message is null ? null : JsonValue.Create(Digits().Replace(message.GetValue<string>(), "N"));

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
