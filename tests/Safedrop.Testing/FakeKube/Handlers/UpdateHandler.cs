using Safedrop.Testing.FakeKube.Http;
using Safedrop.Testing.FakeKube.Json;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Handlers;

/// <summary>PUT of an object or its status; a stale resourceVersion is 409 Conflict (kube-wire 09).</summary>
internal static class UpdateHandler
{
    public static ApiResponse Handle(FakeKubeState state, ApiRequest request, string body)
    {
        var proposed = KubeJson.ParseObjectBody(body);
        BodyChecks.MatchesType(request, proposed);
        BodyChecks.MatchesName(request, proposed);
        if (string.IsNullOrEmpty(proposed.ResourceVersion()) && request.Type.RequiresResourceVersionOnUpdate)
        {
            throw new KubeApiException(StatusBodies.Invalid(request.Type, request.Name!,
                [new StatusCause("FieldValueInvalid", "Invalid value: 0x0: must be specified for an update", "metadata.resourceVersion")]));
        }

        lock (state.Store.Gate)
        {
            var current = state.Store.Get(request.Key) ?? throw new KubeApiException(StatusBodies.NotFound(request.Type, request.Name!));
            var result = new ObjectWriter(state, request.Type).Update(request.Key, current, proposed, request.Subresource, request.Manager, null);
            return new ApiResponse(200, Presenter.Object(request.Type, result.Object), result.Mutated);
        }
    }
}
