using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Status;
using Safedrop.Testing.FakeKube.Validation;

namespace Safedrop.Testing.FakeKube.Discovery;

/// <summary>What creating a CustomResourceDefinition does: defaults, checks, the resources it serves, and its status.</summary>
internal static class CrdRegistration
{
    /// <summary>The defaults the API server fills in (kube-wire 01) and the status a fresh CRD starts with.</summary>
    public static void ApplyDefaults(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        crd["spec"] = spec;
        if (spec["names"] is JsonObject names)
        {
            var kind = names["kind"]?.GetValue<string>() ?? "";
            names["singular"] ??= kind.ToLowerInvariant();
            names["listKind"] ??= kind + "List";
        }

        spec["conversion"] ??= new JsonObject { ["strategy"] = "None" };
    }

    public static JsonObject InitialStatus(JsonObject crd) => new()
    {
        ["conditions"] = null,
        ["acceptedNames"] = new JsonObject { ["plural"] = "", ["kind"] = "" },
        ["storedVersions"] = new JsonArray([.. Versions(crd)
            .Where(v => v["storage"]?.GetValue<bool>() == true)
            .Select(v => (JsonNode)JsonValue.Create(v["name"]?.GetValue<string>() ?? "")!)]),
    };

    /// <summary>The status the CRD controller writes once names are accepted (kube-wire 02).</summary>
    public static JsonObject EstablishedStatus(JsonObject crd, string now)
    {
        var status = (JsonObject)(crd["status"]?.DeepClone() ?? InitialStatus(crd));
        status["conditions"] = new JsonArray(
            Condition("NamesAccepted", "NoConflicts", "no conflicts found", now),
            Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now));
        status["acceptedNames"] = crd["spec"]?["names"]?.DeepClone();
        return status;
    }

    public static IReadOnlyList<StatusCause> Check(JsonObject crd)
    {
        var causes = new List<StatusCause>();
        var spec = crd["spec"] as JsonObject;
        var group = spec?["group"]?.GetValue<string>() ?? "";
        var plural = spec?["names"]?["plural"]?.GetValue<string>() ?? "";
        if (group.Length == 0) causes.Add(new("FieldValueRequired", "Required value", "spec.group"));
        if (plural.Length == 0) causes.Add(new("FieldValueRequired", "Required value", "spec.names.plural"));
        if (string.IsNullOrEmpty(spec?["names"]?["kind"]?.GetValue<string>())) causes.Add(new("FieldValueRequired", "Required value", "spec.names.kind"));
        if (crd.MetaName() != $"{plural}.{group}")
            causes.Add(new("FieldValueInvalid", $"Invalid value: \"{crd.MetaName()}\": must be spec.names.plural+\".\"+spec.group", "metadata.name"));
        if (spec?["scope"]?.GetValue<string>() is not ("Namespaced" or "Cluster"))
            causes.Add(new("FieldValueNotSupported", "Unsupported value: supported values: \"Cluster\", \"Namespaced\"", "spec.scope"));
        var versions = Versions(crd);
        if (versions.Count == 0) causes.Add(new("FieldValueRequired", "Required value", "spec.versions"));
        else if (versions.Count(v => v["storage"]?.GetValue<bool>() == true) != 1)
            causes.Add(new("FieldValueInvalid", "Invalid value: must have exactly one version marked as storage version", "spec.versions"));
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i]["schema"]?["openAPIV3Schema"] is not JsonObject openApi)
            {
                causes.Add(new("FieldValueRequired", "Required value: schemas are required", $"spec.versions[{i}].schema.openAPIV3Schema"));
                continue;
            }

            foreach (var (path, message) in new CustomResourceSchema(openApi).CompileErrors)
                causes.Add(new("FieldValueInvalid", "Invalid value: \"\": " + message, $"spec.versions[{i}].schema.openAPIV3Schema.{path}"));
        }

        return causes;
    }

    /// <summary>The resources a CRD serves: one per served version.</summary>
    public static IReadOnlyList<ResourceType> Types(JsonObject crd)
    {
        var spec = crd["spec"]!.AsObject();
        var names = spec["names"]!.AsObject();
        var kind = names["kind"]!.GetValue<string>();
        return [.. Versions(crd)
            .Where(v => v["served"]?.GetValue<bool>() != false)
            .Select(v =>
            {
                var schema = new CustomResourceSchema(v["schema"]!["openAPIV3Schema"]!.AsObject());
                return new ResourceType(spec["group"]!.GetValue<string>(), v["name"]!.GetValue<string>(), names["plural"]!.GetValue<string>(), kind,
                    spec["scope"]?.GetValue<string>() != "Cluster")
                {
                    Singular = names["singular"]?.GetValue<string>() ?? kind.ToLowerInvariant(),
                    ShortNames = names["shortNames"] is JsonArray shortNames ? [.. shortNames.Select(s => s!.GetValue<string>())] : [],
                    ListKind = names["listKind"]?.GetValue<string>() ?? kind + "List",
                    HasStatus = v["subresources"]?["status"] is not null,
                    HasGeneration = true,
                    RequiresResourceVersionOnUpdate = true,
                    ReturnsDeletedObject = true,
                    Fields = schema.Fields,
                    Custom = schema,
                };
            })];
    }

    public static StorageResource StorageOf(JsonObject crd) =>
        new(crd["spec"]?["group"]?.GetValue<string>() ?? "", crd["spec"]?["names"]?["plural"]?.GetValue<string>() ?? "");

    private static List<JsonObject> Versions(JsonObject crd) =>
        crd["spec"]?["versions"] is JsonArray versions ? [.. versions.OfType<JsonObject>()] : [];

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static string MetaName(this JsonObject obj) => obj["metadata"]?["name"]?.GetValue<string>() ?? "";
}
