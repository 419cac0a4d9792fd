using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Http;
using Safedrop.Testing.FakeKube.Json;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Handlers;

/// <summary>The checks the API server makes on a body before anything else: right kind and version, right name.</summary>
internal static class BodyChecks
{
    public static void MatchesType(ApiRequest request, JsonObject obj)
    {
        var apiVersion = obj["apiVersion"]?.GetValue<string>();
        var kind = obj["kind"]?.GetValue<string>();
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != request.Type.ApiVersion)
            throw new KubeApiException(StatusBodies.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({request.Type.ApiVersion})"));
        if (!string.IsNullOrEmpty(kind) && kind != request.Type.Kind)
            throw new KubeApiException(StatusBodies.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({request.Type.Kind})"));
    }

    public static void MatchesName(ApiRequest request, JsonObject obj)
    {
        var name = obj.Name();
        if (name.Length > 0 && name != request.Name)
            throw new KubeApiException(StatusBodies.BadRequest($"the name of the object ({name}) does not match the name on the URL ({request.Name})"));
    }
}
