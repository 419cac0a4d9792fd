using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.Admin;

public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/v1/admin")
            .WithTags("Admin")
            .AddEndpointFilter<LocalLoopbackOnlyFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        admin.MapGet("/status", GetStatus)
            .WithName("GetAdminStatus")
            .WithSummary("The compiled configuration's status")
            .WithDescription("The namespace served, the configuration revision in force and when it was compiled, the problems of the last reload (if any) and every resource's verdict.");
        return app;
    }

    private static Ok<AdminStatusResponse> GetStatus(TenantConfigStore store) =>
        TypedResults.Ok(AdminStatusResponse.From(store.Current));
}
