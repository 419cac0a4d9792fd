using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.FieldManagement;

/// <summary>One entry of <c>metadata.managedFields</c>: the fields one manager owns through one operation.</summary>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, string? Time, string? Subresource, FieldSet Fields)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    public bool Is(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && (Subresource ?? "") == (subresource ?? "");

    /// <summary>How conflict messages name the manager (kube's printManager).</summary>
    public string Describe()
    {
        var text = $"\"{Manager}\"";
        if (!string.IsNullOrEmpty(Subresource)) text += $" with subresource \"{Subresource}\"";
        if (Operation == Update) text += Time is null ? $" using {ApiVersion}" : $" using {ApiVersion} at {Time}";
        return text;
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
            ["apiVersion"] = ApiVersion,
        };
        if (Time is not null) json["time"] = Time;
        json["fieldsType"] = "FieldsV1";
        json["fieldsV1"] = Fields.ToFieldsV1();
        if (!string.IsNullOrEmpty(Subresource)) json["subresource"] = Subresource;
        return json;
    }

    public static ManagedFieldsEntry FromJson(JsonObject json) => new(
        json["manager"]?.GetValue<string>() ?? "",
        json["operation"]?.GetValue<string>() ?? Update,
        json["apiVersion"]?.GetValue<string>() ?? "",
        json["time"]?.GetValue<string>(),
        json["subresource"]?.GetValue<string>(),
        FieldSet.FromFieldsV1(json["fieldsV1"] as JsonObject));

    public static List<ManagedFieldsEntry> ReadAll(JsonObject? obj) =>
        obj?["metadata"]?["managedFields"] is JsonArray list
            ? [.. list.OfType<JsonObject>().Select(FromJson)]
            : [];

    /// <summary>The API server's order: Apply before Update, then oldest first.</summary>
    public static JsonArray WriteAll(IEnumerable<ManagedFieldsEntry> entries) => new([.. entries
        .OrderBy(e => e.Operation, StringComparer.Ordinal)
        .ThenBy(e => e.Time ?? "", StringComparer.Ordinal)
        .ThenBy(e => e.Manager, StringComparer.Ordinal)
        .ThenBy(e => e.ApiVersion, StringComparer.Ordinal)
        .ThenBy(e => e.Subresource ?? "", StringComparer.Ordinal)
        .Select(e => (JsonNode)e.ToJson())]);
}
