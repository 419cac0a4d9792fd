using System.Text;
using Microsoft.AspNetCore.Http;
using Safedrop.Testing.FakeKube.FieldManagement;
using Safedrop.Testing.FakeKube.Handlers;
using Safedrop.Testing.FakeKube.Json;
using Safedrop.Testing.FakeKube.Log;
using Safedrop.Testing.FakeKube.Rbac;
using Safedrop.Testing.FakeKube.Status;
using Safedrop.Testing.FakeKube.Watch;

namespace Safedrop.Testing.FakeKube.Http;

/// <summary>
/// The one Kestrel endpoint: authenticate the bearer token (401), serve discovery, route the resource
/// request (404/405), authorize it (403), dispatch it by verb, answer failures with Status bodies, and log it.
/// </summary>
internal sealed class ApiHandler(FakeKubeState state)
{
    public async Task HandleAsync(HttpContext http)
    {
        ApiRequest? request = null;
        FakeKubeUser? user = null;
        var code = 500;
        var mutated = false;
        var logged = false;
        try
        {
            user = Authenticate(http) ?? throw new KubeApiException(StatusBodies.Unauthorized());
            if (DiscoveryDocuments.For(http.Request.Path.Value ?? "", state.Catalog) is { } document)
            {
                code = await RespondAsync(http, new ApiResponse(200, document));
                return;
            }

            var path = ApiRouter.Parse(http.Request.Path.Value ?? "", state.Catalog) ?? throw new KubeApiException(StatusBodies.UnknownResource());
            request = ApiRouter.Route(path, state.Catalog, http);
            RbacAuthorizer.Authorize(user, request);
            if (request.Verb == "watch")
            {
                // A watch is logged once its stream is open, so tests can wait for a watch to be established.
                code = await WatchHandler.StreamAsync(state, request, () =>
                {
                    logged = true;
                    state.Log.Add(Record(http, request, user, 200, false));
                });
                return;
            }

            var body = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync(http.RequestAborted);
            var response = Dispatch(request, body);
            mutated = response.Mutated;
            code = await RespondAsync(http, response);
        }
        catch (KubeApiException e)
        {
            code = await RespondAsync(http, new ApiResponse(e.Code, e.Status));
        }
        catch (ApplyConflictException e)
        {
            code = await RespondAsync(http, new ApiResponse(409, StatusBodies.ApplyConflict(e.Describe(), e.Causes)));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            code = 499;
        }
#pragma warning disable CA1031 // A bug in the fake must reach the test as a 500 Status, not a dropped connection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            code = await RespondAsync(http, new ApiResponse(500, StatusBodies.Failure(500, "InternalError", "fake kube-apiserver bug: " + e)));
        }
        finally
        {
            if (!logged) state.Log.Add(Record(http, request, user, code, mutated));
        }
    }

    private FakeKubeUser? Authenticate(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? state.UserFor(header[scheme.Length..].Trim()) : null;
    }

    private ApiResponse Dispatch(ApiRequest request, string body) => request.Verb switch
    {
        "get" => ReadHandler.Get(state, request),
        "list" => ReadHandler.List(state, request),
        "create" => CreateHandler.Handle(state, request, body),
        "update" => UpdateHandler.Handle(state, request, body),
        "patch" => PatchHandler.Handle(state, request, body),
        "delete" => DeleteHandler.Handle(state, request, body),
        "deletecollection" => DeleteHandler.HandleCollection(state, request),
        _ => throw new KubeApiException(StatusBodies.MethodNotAllowed()),
    };

    private static async Task<int> RespondAsync(HttpContext http, ApiResponse response)
    {
        if (http.Response.HasStarted) return http.Response.StatusCode;
        http.Response.StatusCode = response.Code;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(KubeJson.Write(response.Body), http.RequestAborted);
        return response.Code;
    }

    private static RecordedRequest Record(HttpContext http, ApiRequest? request, FakeKubeUser? user, int code, bool mutated) => new(
        0,
        http.Request.Method,
        http.Request.Path.Value ?? "",
        http.Request.QueryString.Value ?? "",
        request?.Verb ?? "",
        request?.Type.Group,
        request?.Type.Version,
        request?.Type.Plural,
        string.IsNullOrEmpty(request?.Subresource) ? null : request.Subresource,
        request?.Namespace,
        request?.Name,
        request is null ? null : request.QueryValue("fieldManager") ?? (request.Verb is "create" or "update" or "patch" ? request.Manager : null),
        http.Request.ContentType,
        user?.Name,
        code,
        mutated);
}
