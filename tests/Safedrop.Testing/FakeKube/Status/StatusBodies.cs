using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Discovery;

namespace Safedrop.Testing.FakeKube.Status;

/// <summary>The <c>Status</c> bodies a kube-apiserver returns for failures (kube-wire 05, 06, 09, 13, 16, 19, 22).</summary>
internal static class StatusBodies
{
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null) status["details"] = details;
        status["code"] = code;
        return status;
    }

    public static JsonObject Success(ResourceType type, string name, string? uid)
    {
        var details = Details(name, type.Group, type.Plural);
        if (uid is not null) details["uid"] = uid;
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    public static JsonObject Details(string? name, string group, string kind, IEnumerable<StatusCause>? causes = null)
    {
        var details = new JsonObject();
        if (!string.IsNullOrEmpty(name)) details["name"] = name;
        if (group.Length > 0) details["group"] = group;
        details["kind"] = kind;
        if (causes is not null) details["causes"] = new JsonArray([.. causes.Select(c => (JsonNode)c.ToJson())]);
        return details;
    }

    public static JsonObject Unauthorized() => Failure(401, "Unauthorized", "Unauthorized");

    public static JsonObject Forbidden(ResourceType type, string subresource, string? name, string message) =>
        Failure(403, "Forbidden", message, Details(name, type.Group, subresource.Length == 0 ? type.Plural : type.Plural + "/" + subresource));

    public static JsonObject NotFound(ResourceType type, string name) =>
        Failure(404, "NotFound", $"{type.QualifiedResource} \"{name}\" not found", Details(name, type.Group, type.Plural));

    public static JsonObject NamespaceNotFound(string @namespace) =>
        Failure(404, "NotFound", $"namespaces \"{@namespace}\" not found", Details(@namespace, "", "namespaces"));

    public static JsonObject UnknownResource() =>
        Failure(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    public static JsonObject MethodNotAllowed() =>
        Failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", new JsonObject());

    public static JsonObject AlreadyExists(ResourceType type, string name) =>
        Failure(409, "AlreadyExists", $"{type.QualifiedResource} \"{name}\" already exists", Details(name, type.Group, type.Plural));

    public static JsonObject Conflict(ResourceType type, string name, string why) =>
        Failure(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedResource} \"{name}\": {why}", Details(name, type.Group, type.Plural));

    public static JsonObject StaleResourceVersion(ResourceType type, string name) =>
        Conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static JsonObject ApplyConflict(string message, IEnumerable<StatusCause> causes) =>
        Failure(409, "Conflict", message, new JsonObject { ["causes"] = new JsonArray([.. causes.Select(c => (JsonNode)c.ToJson())]) });

    public static JsonObject Expired(string message) => Failure(410, "Expired", message);

    /// <summary>422 Invalid: one cause per field, the message aggregating them as the API server does.</summary>
    public static JsonObject Invalid(ResourceType type, string name, IReadOnlyList<StatusCause> causes)
    {
        var aggregate = causes.Count == 1 ? causes[0].Describe() : "[" + string.Join(", ", causes.Select(c => c.Describe())) + "]";
        return Failure(422, "Invalid", $"{type.QualifiedKind} \"{name}\" is invalid: {aggregate}", Details(name, type.Group, type.Kind, causes));
    }

    public static JsonObject BadRequest(string message) => Failure(400, "BadRequest", message);

    public static JsonObject UnsupportedMediaType(string contentType) =>
        Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml; got {contentType}");

    public static JsonObject UnprocessablePatch(string message) => Failure(422, "Invalid", message);
}
