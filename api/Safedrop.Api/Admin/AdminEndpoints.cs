using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Configuration;
using Safedrop.Api.Encryption;
using Safedrop.Api.Identity;

namespace Safedrop.Api.Admin;

public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/v1/admin")
            .WithTags("Admin")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        admin.MapGet("/status", GetStatus)
            .AddEndpointFilter<AdminOrLocalOperatorFilter>()
            .WithName("GetAdminStatus")
            .WithSummary("The compiled configuration's status")
            .WithDescription("The namespace served, the configuration revision in force and when it was compiled, the problems of the last reload (if any) and every resource's verdict. Admins; in local mode also requests from this machine.");

        admin.MapPost("/key-encryption/rewrap", RewrapAsync)
            .RequireAuthorization(SafedropClaims.AdminPolicy)
            .WithName("RewrapKeys")
            .WithSummary("Rewrap every kept key under the current key-encryption key")
            .WithDescription("After the key-encryption key Secret was rotated (the old key kept as a previous key), rewraps package server secrets and the data keys of server-readable objects. No file is re-encrypted. Idempotent; audited.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Ok<AdminStatusResponse> GetStatus(TenantConfigStore store) =>
        TypedResults.Ok(AdminStatusResponse.From(store.Current));

    private static async Task<Ok<KeyRotationResult>> RewrapAsync(HttpContext context, KeyRotation rotation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rotation.RewrapAllAsync(context.User.SignedInAddress()!.Value.Value, cancellationToken));
}
