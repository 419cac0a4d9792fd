using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Configuration;
using Safedrop.Api.Identity;
using Safedrop.Api.Packages;

namespace Safedrop.Api.Dropzones;

public static class DropzoneEndpoints
{
    public static IEndpointRouteBuilder MapDropzones(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/dropzones").WithTags("Dropzones");

        // Public and side-effect free: mail scanners and previews open upload links; nothing is sent or consumed here.
        group.MapGet("/{name}", GetPage)
            .WithName("GetDropzone")
            .WithSummary("A Dropzone's upload page")
            .WithDescription("Name, description and limits of a Dropzone in force. No sign-in needed; nothing is sent.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{name}/packages", UploadAsync)
            .RequireAuthorization(SafedropClaims.SignedInPolicy)
            .WithName("UploadToDropzone")
            .WithSummary("Start an upload to a Dropzone")
            .WithDescription("Anyone signed in by PIN starts a package to the Dropzone's owner and members. The Dropzone's file count, size and type limits apply; then upload parts and complete as for any package.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static Results<Ok<DropzonePage>, ProblemHttpResult> GetPage(string name, TenantConfigStore tenant)
    {
        if (tenant.Current.Config is not { Organization: { } organization } config) return PackageProblems.NotServing.ToResult();
        return config.Dropzones.TryGetValue(name, out var dropzone)
            ? TypedResults.Ok(DropzonePage.From(dropzone, organization))
            : PackageProblems.DropzoneNotFound(name).ToResult();
    }

    private static async Task<Results<Created<CreatedPackage>, ProblemHttpResult>> UploadAsync(
        string name, CreatePackageRequest request, HttpContext context, PackageCreation creation, CancellationToken cancellationToken)
    {
        var outcome = await creation.UploadAsync(name, request, PackageEndpoints.Actor(context), cancellationToken);
        return outcome.Problem is { } problem ? problem.ToResult() : TypedResults.Created($"/v1/packages/{outcome.Value!.PackageId}", outcome.Value);
    }
}
