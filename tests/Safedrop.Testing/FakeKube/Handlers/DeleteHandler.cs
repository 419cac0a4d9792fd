using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Http;
using Safedrop.Testing.FakeKube.Json;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Handlers;

/// <summary>
/// DELETE: with finalizers the object only gets a deletionTimestamp (kube-wire 17); without, it goes at once.
/// Honours uid and resourceVersion preconditions in a DeleteOptions body.
/// </summary>
internal static class DeleteHandler
{
    public static ApiResponse Handle(FakeKubeState state, ApiRequest request, string body)
    {
        var options = string.IsNullOrWhiteSpace(body) ? null : KubeJson.ParseBody(body) as JsonObject;
        lock (state.Store.Gate)
        {
            var current = state.Store.Get(request.Key) ?? throw new KubeApiException(StatusBodies.NotFound(request.Type, request.Name!));
            CheckPreconditions(request, current, options?["preconditions"] as JsonObject);
            var result = new ObjectWriter(state, request.Type).Delete(request.Key, current);
            var stillThere = result.Object.Finalizers().Count > 0;
            JsonNode response = stillThere || request.Type.ReturnsDeletedObject
                ? Presenter.Object(request.Type, result.Object)
                : StatusBodies.Success(request.Type, request.Name!, result.Object.MetaString("uid"));
            return new ApiResponse(200, response, result.Mutated);
        }
    }

    public static ApiResponse HandleCollection(FakeKubeState state, ApiRequest request)
    {
        var labels = LabelSelector.Parse(request.QueryValue("labelSelector"));
        var fields = FieldSelector.Parse(request.QueryValue("fieldSelector"));
        lock (state.Store.Gate)
        {
            var writer = new ObjectWriter(state, request.Type);
            var deleted = new List<JsonObject>();
            foreach (var obj in state.Store.List(request.Type.Storage, request.Namespace).Where(o => labels.Matches(o.Labels()) && fields.Matches(o)))
                deleted.Add(writer.Delete(request.KeyFor(obj.Name()), obj).Object);
            return new ApiResponse(200, Presenter.List(request.Type, deleted, state.Store.Revision), deleted.Count > 0);
        }
    }

    private static void CheckPreconditions(ApiRequest request, JsonObject current, JsonObject? preconditions)
    {
        var uid = preconditions?["uid"]?.GetValue<string>();
        if (uid is not null && uid != current.MetaString("uid"))
        {
            throw new KubeApiException(StatusBodies.Conflict(request.Type, request.Name!,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.MetaString("uid")}"));
        }

        var resourceVersion = preconditions?["resourceVersion"]?.GetValue<string>();
        if (resourceVersion is not null && resourceVersion != current.ResourceVersion())
        {
            throw new KubeApiException(StatusBodies.Conflict(request.Type, request.Name!,
                $"Precondition failed: ResourceVersion in precondition: {resourceVersion}, ResourceVersion in object meta: {current.ResourceVersion()}"));
        }
    }
}
