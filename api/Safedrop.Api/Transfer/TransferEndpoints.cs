using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Http;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Transfer;

/// <summary>
/// The streaming path: <c>PUT|GET /v1/transfer/{token}</c>, used when object storage cannot be reached by
/// clients (local mode, or S3 without a public endpoint). The token is the whole authorization; bytes go
/// straight between the request and the object store, never held whole.
/// </summary>
public static class TransferEndpoints
{
    public static IEndpointRouteBuilder MapTransfer(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/transfer").WithTags("Transfer");
        group.MapPut("/{token}", UploadAsync)
            .WithName("TransferUpload")
            .WithSummary("Upload one object with a transfer grant")
            .WithDescription("Streams the body into object storage. Content-Length must equal the length the grant allows.")
            .WithMetadata(new GrantedBodyLimit())
            .Accepts<Stream>("application/octet-stream")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status411LengthRequired)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{token}", DownloadAsync)
            .WithName("TransferDownload")
            .WithSummary("Download one object with a transfer grant")
            .WithDescription("Streams the object; byte ranges are served where the store can seek (local mode).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UploadAsync(
        string token, HttpContext context, TransferGrants grants, IObjectStore store, CancellationToken cancellationToken)
    {
        if (grants.Verify(token, TransferDirection.Upload) is not { Length: { } length } grant) return GrantInvalid();

        switch (context.Request.ContentLength)
        {
            case null:
                return LengthMismatch(StatusCodes.Status411LengthRequired, $"Send Content-Length: {length}; this URL takes exactly that many bytes.");
            case { } declared when declared > length:
                return LengthMismatch(StatusCodes.Status413PayloadTooLarge, $"This URL takes exactly {length} bytes, not {declared}.");
            case { } declared when declared < length:
                return LengthMismatch(StatusCodes.Status400BadRequest, $"This URL takes exactly {length} bytes, not {declared}.");
        }

        // The grant is the limit: the server refuses to read past it whatever the framing says.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = length;
        await store.PutAsync(grant.Key, context.Request.Body, length, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<FileStreamHttpResult, PushStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string token, TransferGrants grants, IObjectStore store, CancellationToken cancellationToken)
    {
        if (grants.Verify(token, TransferDirection.Download) is not { } grant) return GrantInvalid();

        var content = await store.OpenReadAsync(grant.Key, cancellationToken);
        if (content is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "Not found", detail: "The object of this transfer URL does not exist.");
        // The results dispose the stream after writing it; ranges need a seekable stream, which the folder store gives.
        if (content.CanSeek) return TypedResults.File(content, "application/octet-stream", enableRangeProcessing: true);
        // Relayed from S3: copied in large blocks, since every block crosses the API process once more than a direct GET.
        return TypedResults.Stream(async body =>
        {
            await using (content)
                await content.CopyToAsync(body, RelayBufferSize, cancellationToken);
        }, "application/octet-stream");
    }

    /// <summary>A relayed download's copy block: a sealed part (4 MiB) in four writes instead of the default 64 KiB's 64.</summary>
    private const int RelayBufferSize = 1 << 20;

    private static ProblemHttpResult GrantInvalid() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        type: ProblemTypes.TransferGrantInvalid,
        title: "Transfer URL invalid",
        detail: "This transfer URL is malformed, altered, expired, or not for this method. Ask for a new one.");

    private static ProblemHttpResult LengthMismatch(int status, string detail) =>
        TypedResults.Problem(statusCode: status, type: ProblemTypes.TransferLengthMismatch, title: "Wrong upload length", detail: detail);
}
