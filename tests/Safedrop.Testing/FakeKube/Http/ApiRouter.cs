using Microsoft.AspNetCore.Http;
using Safedrop.Testing.FakeKube.Discovery;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Http;

/// <summary>The parts of a resource URL: <c>/api/v1/...</c> or <c>/apis/{group}/{version}/...</c>, then
/// <c>[namespaces/{ns}/]{resource}[/{name}[/{subresource}]]</c>.</summary>
internal sealed record ApiPath(string Group, string Version, string? Namespace, string Resource, string? Name, string Subresource);

/// <summary>Turns a method and path into an <see cref="ApiRequest"/>, or a 404/405 Status.</summary>
internal static class ApiRouter
{
    public static ApiPath? Parse(string path, ResourceCatalog catalog)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group, version;
        string[] rest;
        if (segments is ["api", var coreVersion, ..])
        {
            (group, version, rest) = ("", coreVersion, segments[2..]);
        }
        else if (segments is ["apis", var g, var v, ..])
        {
            (group, version, rest) = (g, v, segments[3..]);
        }
        else
        {
            return null;
        }

        if (rest.Length == 0) return null;
        if (rest is ["namespaces", var ns, var resource, ..] && rest.Length <= 5 && catalog.Find(group, version, resource) is { Namespaced: true })
            return new ApiPath(group, version, ns, resource, rest.ElementAtOrDefault(3), rest.ElementAtOrDefault(4) ?? "");
        if (rest.Length > 3) return null;
        return new ApiPath(group, version, null, rest[0], rest.ElementAtOrDefault(1), rest.ElementAtOrDefault(2) ?? "");
    }

    public static ApiRequest Route(ApiPath path, ResourceCatalog catalog, HttpContext http)
    {
        var type = catalog.Find(path.Group, path.Version, path.Resource) ?? throw new KubeApiException(StatusBodies.UnknownResource());
        if (path.Namespace is not null && !type.Namespaced) throw new KubeApiException(StatusBodies.UnknownResource());
        if (path.Subresource.Length > 0 && !(path.Subresource == "status" && type.HasStatus))
            throw new KubeApiException(StatusBodies.UnknownResource());
        var method = http.Request.Method;
        var named = path.Name is not null;
        var verb = (method, named) switch
        {
            ("GET", true) => "get",
            ("GET", false) => http.Request.Query["watch"].ToString() is "1" or "true" or "True" ? "watch" : "list",
            ("POST", false) => "create",
            ("PUT", true) => "update",
            ("PATCH", true) => "patch",
            ("DELETE", true) => "delete",
            ("DELETE", false) => "deletecollection",
            _ => throw new KubeApiException(StatusBodies.MethodNotAllowed()),
        };
        // A namespaced resource without a namespace is only listed or watched across namespaces.
        if (type.Namespaced && path.Namespace is null && verb is not ("list" or "watch"))
            throw new KubeApiException(StatusBodies.UnknownResource());
        if (path.Subresource.Length > 0 && verb is not ("get" or "update" or "patch"))
            throw new KubeApiException(StatusBodies.MethodNotAllowed());
        return new ApiRequest(verb, type, path.Namespace, path.Name, path.Subresource, http);
    }
}
