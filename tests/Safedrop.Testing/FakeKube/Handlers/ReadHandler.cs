using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Http;
using Safedrop.Testing.FakeKube.Json;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Handlers;

/// <summary>get and list (with label and field selectors; list metadata carries the store's revision).</summary>
internal static class ReadHandler
{
    public static ApiResponse Get(FakeKubeState state, ApiRequest request)
    {
        var obj = state.Store.Get(request.Key) ?? throw new KubeApiException(StatusBodies.NotFound(request.Type, request.Name!));
        return new ApiResponse(200, Presenter.Object(request.Type, obj));
    }

    public static ApiResponse List(FakeKubeState state, ApiRequest request)
    {
        var labels = LabelSelector.Parse(request.QueryValue("labelSelector"));
        var fields = FieldSelector.Parse(request.QueryValue("fieldSelector"));
        List<JsonObject> items;
        long revision;
        lock (state.Store.Gate)
        {
            items = state.Store.List(request.Type.Storage, request.Namespace);
            revision = state.Store.Revision;
        }

        var matching = items.Where(o => labels.Matches(o.Labels()) && fields.Matches(o));
        return new ApiResponse(200, Presenter.List(request.Type, matching, revision));
    }
}
