using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Identity.ApiKeys;

public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/api-keys")
            .WithTags("API keys")
            .RequireAuthorization(SafedropClaims.SignedInPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        keys.MapPost("/", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Create an API key (the secret is shown once)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        keys.MapGet("/", ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("The caller's API keys, without secrets");
        keys.MapDelete("/{id}", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key; it stops working at once")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        CreateApiKeyBody body, HttpContext http, ApiKeyStore store, TenantConfigStore config, [FromServices] IAuditLog audit, CancellationToken cancellationToken)
    {
        var owner = http.User.SignedInAddress()!.Value;
        if (PermissionProblems.Require(config, owner, Permission.ApiKeys, "Creating an API key") is { } missing)
        {
            await audit.RecordAsync(new AuditEvent("auth.api-key.create", owner.Value, null, AuditOutcome.Denied, nameof(Permission.ApiKeys)), cancellationToken);
            return missing;
        }

        if (Names.Problem(body?.Name) is { } bad) return bad;
        var (record, token) = await store.CreateAsync(owner, body!.Name!.Trim(), cancellationToken);
        await audit.RecordAsync(new AuditEvent("auth.api-key.create", owner.Value, $"api-key/{record.Id}", AuditOutcome.Succeeded), cancellationToken);
        return TypedResults.Created($"/v1/api-keys/{record.Id}", new CreatedApiKey(record.Id, record.Name, token, record.CreatedAt));
    }

    private static async Task<Ok<List<ApiKeySummary>>> ListAsync(HttpContext http, ApiKeyStore store, CancellationToken cancellationToken)
    {
        var owner = http.User.SignedInAddress()!.Value;
        var keys = await store.ListAsync(owner, cancellationToken);
        return TypedResults.Ok(keys.Select(k => new ApiKeySummary(k.Id, k.Name, k.CreatedAt)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, HttpContext http, ApiKeyStore store, [FromServices] IAuditLog audit, CancellationToken cancellationToken)
    {
        var owner = http.User.SignedInAddress()!.Value;
        if (!await store.RevokeAsync(owner, id, cancellationToken))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such API key", detail: "You have no live API key with this id.");
        await audit.RecordAsync(new AuditEvent("auth.api-key.revoke", owner.Value, $"api-key/{id}", AuditOutcome.Succeeded), cancellationToken);
        return TypedResults.NoContent();
    }
}
