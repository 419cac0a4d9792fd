using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Http;
using static Safedrop.Api.Http.OutcomeResults;
using Safedrop.Api.Identity;

namespace Safedrop.Api.Packages;

public static class PackageEndpoints
{
    public static IEndpointRouteBuilder MapPackages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/packages")
            .WithTags("Packages")
            .RequireAuthorization(SafedropClaims.SignedInPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("", SendAsync)
            .WithName("SendPackage")
            .WithSummary("Start sending a package to recipients")
            .WithDescription("A registered user starts a package: the recipients, the files' names and plaintext sizes and the keycode verifier. The answer holds the server secret; upload each part through upload-urls, then complete.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("", ListAsync)
            .WithName("ListPackages")
            .WithSummary("My sent or received packages")
            .WithDescription("box=sent or box=received (default): complete, unexpired packages, newest first.");
        group.MapPost("/{packageId}/upload-urls", UploadUrlsAsync)
            .WithName("GetUploadUrls")
            .WithSummary("Signed upload URLs for parts of a file")
            .WithDescription("Sender only, while the package is pending. Each URL accepts exactly one sealed part (PUT).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{packageId}/complete", CompleteAsync)
            .WithName("CompletePackage")
            .WithSummary("Finish an upload")
            .WithDescription("Checks that every part is stored with its exact sealed size, stores the sealed message and keycodes wrapped for recipients' device keys, makes the package visible and notifies its readers.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{packageId}/open", OpenAsync)
            .WithName("OpenPackage")
            .WithSummary("Open a package")
            .WithDescription("The access decision of SPEC §1 for the signed-in address, then proof of the secure link (keycode verifier) or of a device key the keycode was wrapped for. Answers the server secret and a download URL per part. Audited either way.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{packageId}/downloaded", DownloadedAsync)
            .WithName("ReportPackageDownloaded")
            .WithSummary("Report files downloaded completely")
            .WithDescription("A reader's client calls this after fetching and decrypting every part of the listed files. Once every file of the package was reported by some reader, the transfer counts as completed (the sender's TransferCompleted workflow event).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<DownloadReport>, ProblemHttpResult>> DownloadedAsync(
        string packageId, DownloadedRequest request, HttpContext context, PackageDownloads downloads, CancellationToken cancellationToken) =>
        Answer(await downloads.ReportAsync(packageId, request, Actor(context), cancellationToken));

    private static async Task<Results<Created<CreatedPackage>, ProblemHttpResult>> SendAsync(
        CreatePackageRequest request, HttpContext context, PackageCreation creation, CancellationToken cancellationToken)
    {
        var outcome = await creation.SendAsync(request, Actor(context), cancellationToken);
        return outcome.Problem is { } problem ? problem.ToResult() : TypedResults.Created($"/v1/packages/{outcome.Value!.PackageId}", outcome.Value);
    }

    private static async Task<Results<Ok<IReadOnlyList<PackageSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext context, PackageBoxes boxes, CancellationToken cancellationToken, string? box = null)
    {
        if (!Enum.TryParse<PackageBox>(box ?? nameof(PackageBox.Received), ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen))
            return new ApiProblem(400, ProblemTypes.BadRequest, "Unknown box", "box is sent or received.").ToResult();
        return TypedResults.Ok(await boxes.ListAsync(chosen, Actor(context).Address, cancellationToken));
    }

    private static async Task<Results<Ok<TransferUrls>, ProblemHttpResult>> UploadUrlsAsync(
        string packageId, UploadUrlsRequest request, HttpContext context, PackageUploads uploads, CancellationToken cancellationToken) =>
        Answer(await uploads.UploadUrlsAsync(packageId, request, Actor(context), cancellationToken));

    private static async Task<Results<Ok<PackageSummary>, ProblemHttpResult>> CompleteAsync(
        string packageId, CompletePackageRequest? request, HttpContext context, PackageUploads uploads, CancellationToken cancellationToken) =>
        Answer(await uploads.CompleteAsync(packageId, request ?? new CompletePackageRequest(null, null), Actor(context), cancellationToken));

    private static async Task<Results<Ok<OpenedPackage>, ProblemHttpResult>> OpenAsync(
        string packageId, OpenPackageRequest request, HttpContext context, PackageAccess access, CancellationToken cancellationToken) =>
        Answer(await access.OpenAsync(packageId, request, Actor(context), cancellationToken));


    /// <summary>The signed-in address; the endpoint's authorization policy guarantees one.</summary>
    internal static PackageActor Actor(HttpContext context) =>
        PackageActor.Of(context, context.User.SignedInAddress() ?? throw new InvalidOperationException("The signed-in policy admitted a request without an address."));
}
