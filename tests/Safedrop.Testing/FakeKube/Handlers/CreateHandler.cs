using Safedrop.Testing.FakeKube.Http;
using Safedrop.Testing.FakeKube.Json;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Handlers;

/// <summary>POST: 201 with the stored object (uid, resourceVersion, generation, creationTimestamp, managedFields).</summary>
internal static class CreateHandler
{
    public static ApiResponse Handle(FakeKubeState state, ApiRequest request, string body)
    {
        var obj = KubeJson.ParseObjectBody(body);
        BodyChecks.MatchesType(request, obj);
        var bodyNamespace = obj.MetaString("namespace");
        if (request.Type.Namespaced && !string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != request.Namespace)
            throw new KubeApiException(StatusBodies.BadRequest("the namespace of the provided object does not match the namespace sent on the request"));
        if (!string.IsNullOrEmpty(obj.ResourceVersion()))
            throw new KubeApiException(StatusBodies.BadRequest("resourceVersion should not be set on objects to be created"));
        lock (state.Store.Gate)
        {
            var result = new ObjectWriter(state, request.Type).Create(obj, request.Namespace, request.Manager, null);
            return new ApiResponse(201, Presenter.Object(request.Type, result.Object), true);
        }
    }
}
