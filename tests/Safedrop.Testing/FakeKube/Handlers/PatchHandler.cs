using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.FieldManagement;
using Safedrop.Testing.FakeKube.Http;
using Safedrop.Testing.FakeKube.Json;
using Safedrop.Testing.FakeKube.Patching;
using Safedrop.Testing.FakeKube.Status;

namespace Safedrop.Testing.FakeKube.Handlers;

/// <summary>
/// PATCH by content type: JSON patch, merge patch, strategic merge patch (as a merge patch), and server-side
/// apply (YAML or JSON body; <c>fieldManager</c> required; creates the object when it does not exist).
/// </summary>
internal static class PatchHandler
{
    public const string JsonPatchType = "application/json-patch+json";
    public const string MergePatchType = "application/merge-patch+json";
    public const string StrategicMergePatchType = "application/strategic-merge-patch+json";
    public const string ApplyPatchType = "application/apply-patch+yaml";

    public static ApiResponse Handle(FakeKubeState state, ApiRequest request, string body)
    {
        var contentType = (request.Http.Request.ContentType ?? "").Split(';')[0].Trim();
        if (contentType == ApplyPatchType) return Apply(state, request, body);
        Func<JsonNode?, JsonNode?, JsonNode?> engine = contentType switch
        {
            JsonPatchType => JsonPatch.Apply,
            MergePatchType or StrategicMergePatchType => MergePatch.Apply,
            _ => throw new KubeApiException(StatusBodies.UnsupportedMediaType(contentType)),
        };
        if (request.QueryFlag("force"))
            throw new KubeApiException(StatusBodies.BadRequest("force may not be set for non-apply patch"));
        var patch = KubeJson.ParseBody(body);
        lock (state.Store.Gate)
        {
            var current = state.Store.Get(request.Key) ?? throw new KubeApiException(StatusBodies.NotFound(request.Type, request.Name!));
            var patched = engine(KubeJson.CloneObject(current), patch) as JsonObject
                ?? throw new KubeApiException(StatusBodies.UnprocessablePatch("the patch did not produce an object"));
            var result = new ObjectWriter(state, request.Type).Update(request.Key, current, patched, request.Subresource, request.Manager, null);
            return new ApiResponse(200, Presenter.Object(request.Type, result.Object), result.Mutated);
        }
    }

    private static ApiResponse Apply(FakeKubeState state, ApiRequest request, string body)
    {
        var manager = request.QueryValue("fieldManager");
        if (string.IsNullOrEmpty(manager))
        {
            throw new KubeApiException(StatusBodies.Failure(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
                StatusBodies.Details(null, "meta.k8s.io", "PatchOptions", [new StatusCause("FieldValueRequired", "Required value: is required for apply patch", "fieldManager")])));
        }

        var config = YamlJson.Parse(body) as JsonObject
            ?? throw new KubeApiException(StatusBodies.BadRequest("an apply configuration must be an object"));
        if (string.IsNullOrEmpty(config["apiVersion"]?.GetValue<string>()) || string.IsNullOrEmpty(config["kind"]?.GetValue<string>()))
            throw new KubeApiException(StatusBodies.BadRequest("invalid object type: apiVersion and kind must be set"));
        BodyChecks.MatchesType(request, config);
        BodyChecks.MatchesName(request, config);
        var force = request.QueryFlag("force");
        lock (state.Store.Gate)
        {
            var writer = new ObjectWriter(state, request.Type);
            var current = state.Store.Get(request.Key);
            var fields = new FieldManager(request.Type.Fields, state.Now());
            var entries = ManagedFieldsEntry.ReadAll(current);
            var sub = request.Subresource.Length == 0 ? null : request.Subresource;
            var (merged, applied) = fields.MergeApplied(entries, current, config, manager, sub, request.Type.HasStatus);
            if (current is null)
            {
                if (sub is not null) throw new KubeApiException(StatusBodies.NotFound(request.Type, request.Name!));
                merged.SetMeta("name", request.Name);
                var created = writer.Create(merged, request.Namespace, manager, new ApplyIntent(applied, force));
                return new ApiResponse(201, Presenter.Object(request.Type, created.Object), true);
            }

            var result = writer.Update(request.Key, current, merged, request.Subresource, manager, new ApplyIntent(applied, force));
            return new ApiResponse(200, Presenter.Object(request.Type, result.Object), result.Mutated);
        }
    }
}
