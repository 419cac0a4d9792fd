using System.Text.Json;
using System.Text.Json.Nodes;
using Safedrop.Resources.Model;
using Safedrop.Resources.Schema;

namespace Safedrop.Resources.Manifests;

/// <summary>Decides what one document is, checks it the way the API server would, and reads it into its type.</summary>
internal static class DocumentReader
{
    private static readonly FieldPath ApiVersionPath = FieldPath.Root.Child("apiVersion");
    private static readonly FieldPath KindPath = FieldPath.Root.Child("kind");
    private static readonly FieldPath NamePath = FieldPath.Root.Child("metadata").Child("name");

    public static DocumentOutcome Read(YamlDocument document, string defaultNamespace)
    {
        var problems = new DocumentProblems(document);
        if (document.Root is not JsonObject root)
        {
            if (document.Root is not null || !problems.Any)
                problems.At(FieldPath.Root, $"expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found {Describe(document.Root)}");
            return new(problems.All);
        }

        var apiVersion = RequiredString(root, ApiVersionPath, problems);
        var kind = RequiredString(root, KindPath, problems);
        if (apiVersion is null || kind is null) return new(problems.All);

        if (apiVersion == ResourceKinds.KindInfo.ApiVersion)
        {
            if (ResourceKinds.Find(kind) is { } info) return ReadResource(document, root, info, defaultNamespace, problems);
            problems.At(KindPath, KindNames.UnknownSafedropKind(kind));
        }
        else if (apiVersion.StartsWith(Organization.Group + "/", StringComparison.Ordinal))
        {
            problems.At(ApiVersionPath, KindNames.UnknownSafedropVersion(apiVersion));
        }
        else if (PlainObjects.IsAllowed(apiVersion, kind))
        {
            return ReadPlainObject(document, root, apiVersion, kind, defaultNamespace, problems);
        }
        else
        {
            problems.At(KindPath, KindNames.NotATenantObject(apiVersion, kind));
        }

        return new(problems.All);
    }

    private static DocumentOutcome ReadResource(YamlDocument document, JsonObject root, ResourceKinds.KindInfo info, string defaultNamespace, DocumentProblems problems)
    {
        // As the API server does for a resource with a status subresource: status in a manifest is ignored,
        // and a null field is the same as a missing one.
        root.Remove("status");
        PruneNulls(root);

        var (name, ns) = ObjectMetadata.Check(root, clusterScoped: false, problems);
        var schema = ResourceSchemas.Of(info);
        foreach (var violation in SchemaValidator.Validate(root, schema))
        {
            var path = FieldPath.Parse(violation.Path);
            problems.At(path, Explain(violation, path, document, schema));
        }

        var identity = name is null ? null : new ObjectIdentity(info.Kind, ns ?? defaultNamespace, name);
        var identityLocation = document.LocationOf(NamePath);
        if (problems.Any || identity is null) return new(problems.All, identity, identityLocation);

        ISafedropResource resource;
        try
        {
            resource = (ISafedropResource)JsonSerializer.Deserialize(root, info.Type, ResourceJson.Options)!;
        }
        catch (JsonException e)
        {
            // The schema should have refused it already; this keeps a gap between the two from crashing a check.
            var path = FieldPath.Parse(e.Path);
            var expected = ClrFieldTypes.At(info.Type, path.Names) is { } type ? ": expected " + ClrFieldTypes.Describe(type) : "";
            problems.At(path, $"{(path.IsRoot ? "the document" : path.ToString())} cannot be read as {info.Kind}{expected}, found {path.Find(root)?.ToJsonString() ?? "null"}");
            return new(problems.All, identity, identityLocation);
        }

        resource.Metadata.NamespaceProperty = identity.Namespace;
        return new(problems.All, identity, identityLocation, Resource: new LoadedResource(resource, document.Location));
    }

    private static DocumentOutcome ReadPlainObject(YamlDocument document, JsonObject root, string apiVersion, string kind, string defaultNamespace, DocumentProblems problems)
    {
        var clusterScoped = PlainObjects.IsClusterScoped(kind);
        var (name, ns) = ObjectMetadata.Check(root, clusterScoped, problems);
        PlainObjects.CheckBody(kind, root, problems);
        var identity = name is null ? null : new ObjectIdentity(kind, clusterScoped ? "" : ns ?? defaultNamespace, name);
        var identityLocation = document.LocationOf(NamePath);
        if (problems.Any || identity is null) return new(problems.All, identity, identityLocation);

        var body = (JsonObject)root.DeepClone();
        if (!clusterScoped) body["metadata"]!["namespace"] = identity.Namespace;
        return new(problems.All, identity, identityLocation,
            Object: new LoadedObject(apiVersion, kind, identity.Namespace, identity.Name, body, document.Location));
    }

    private static string? RequiredString(JsonObject root, FieldPath path, DocumentProblems problems)
    {
        var name = path.ToString();
        var node = path.Find(root);
        if (node is null) problems.At(FieldPath.Root, "missing " + name);
        else if (node.GetValueKind() != JsonValueKind.String || node.GetValue<string>().Length == 0) problems.At(path, name + " must be a non-empty string");
        else return node.GetValue<string>();
        return null;
    }

    /// <summary>The validator's message, with a hint when YAML typed an unquoted value that was meant as text.</summary>
    private static string Explain(SchemaViolation violation, FieldPath path, YamlDocument document, k8s.Models.V1JSONSchemaProps schema)
    {
        var message = violation.Message.StartsWith(violation.Path, StringComparison.Ordinal) || violation.Path.Length == 0
            ? violation.Message
            : $"{violation.Path}: {violation.Message}";
        if (document.Lines.ImplicitScalarAt(path) is { } text && ResourceSchemas.At(schema, path.Names)?.Type == "string")
            message += $" (YAML reads {text} as {(bool.TryParse(text, out _) ? "a boolean" : "a number")}; quote it to make it text: \"{text}\")";
        return message;
    }

    private static void PruneNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var name in map.Where(p => p.Value is null).Select(p => p.Key).ToList()) map.Remove(name);
                foreach (var (_, value) in map) PruneNulls(value);
                break;
            case JsonArray list:
                foreach (var item in list) PruneNulls(item);
                break;
        }
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "nothing",
        JsonArray => "a list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "a boolean",
        },
    };
}
