using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Http;
using static Safedrop.Api.Http.OutcomeResults;
using Safedrop.Api.Identity;

namespace Safedrop.Api.Workspaces;

public static class WorkspaceEndpoints
{
    public static IEndpointRouteBuilder MapWorkspaces(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/workspaces")
            .WithTags("Workspaces")
            .RequireAuthorization(SafedropClaims.SignedInPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("", CreateAsync)
            .WithName("CreateWorkspace")
            .WithSummary("Create a Workspace")
            .WithDescription("For holders of WorkspaceOwnership. Writes a Workspace resource owned by the caller; it is enforced once the configuration compiles it. 201 when that happened within a few seconds (state ready), else 202 (state creating): until then requests for it answer 409 workspace-not-ready.")
            .Produces<CreatedWorkspace>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("", ListAsync)
            .WithName("ListWorkspaces")
            .WithSummary("Workspaces I have a role in")
            .WithDescription("Each with the caller's effective role (Owner, CoOwner, Modify, View), its quota and the bytes used.");
        group.MapGet("/{name}", GetAsync)
            .WithName("GetWorkspace")
            .WithSummary("One Workspace, with my role and its usage")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{name}/files/{*path}", UploadAsync)
            .WithName("UploadWorkspaceFile")
            .WithSummary("Upload a file (streamed, encrypted at rest)")
            .WithDescription("Modify role. Content-Length is required: the quota is checked before any byte is stored (507 when the Workspace is full, 413 when the file alone exceeds the quota). Missing folders on the path are created; an existing file is replaced (the quota counts the difference). 201 for a new file, 200 for a replaced one.")
            .AcceptsWorkspaceUpload()
            .Produces<EntryResult>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status411LengthRequired)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);
        group.MapGet("/{name}/files/{*path}", DownloadAsync)
            .WithName("DownloadWorkspaceFile")
            .WithSummary("Download a file")
            .WithDescription("View role. Streams the decrypted file.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{name}/files/{*path}", DeleteFileAsync)
            .WithName("DeleteWorkspaceFile")
            .WithSummary("Delete a file")
            .WithDescription("Modify role. Frees its bytes from the quota.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{name}/folders/{*path}", ListFolderAsync)
            .WithName("ListWorkspaceFolder")
            .WithSummary("List a folder")
            .WithDescription("View role. Subfolders, and files with size, modified time and who uploaded them. No path lists the root.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{name}/folders/{*path}", CreateFolderAsync)
            .WithName("CreateWorkspaceFolder")
            .WithSummary("Create a folder")
            .WithDescription("Modify role. Missing parent folders are created too; names are unique ignoring case.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{name}/folders/{*path}", DeleteFolderAsync)
            .WithName("DeleteWorkspaceFolder")
            .WithSummary("Delete a folder and everything in it")
            .WithDescription("Modify role. Frees the bytes of every file inside from the quota.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{name}/rename", RenameAsync)
            .WithName("RenameWorkspaceEntry")
            .WithSummary("Rename a file or folder")
            .WithDescription("Modify role. A new name in the same folder; a file keeps its stored bytes (nothing is copied or re-encrypted).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{name}/move", MoveAsync)
            .WithName("MoveWorkspaceEntry")
            .WithSummary("Move a file or folder into another folder")
            .WithDescription("Modify role. The destination folder must exist (\"\" is the root); a file keeps its stored bytes.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Created<CreatedWorkspace>, Accepted<CreatedWorkspace>, ProblemHttpResult>> CreateAsync(
        CreateWorkspaceRequest request, HttpContext context, WorkspaceCreations creations, CancellationToken cancellationToken)
    {
        var outcome = await creations.CreateAsync(request, Actor(context), cancellationToken);
        if (outcome.Problem is { } problem) return problem.ToResult();
        var created = outcome.Value!;
        return created.State == "ready"
            ? TypedResults.Created($"/v1/workspaces/{created.Name}", created)
            : TypedResults.Accepted($"/v1/workspaces/{created.Name}", created);
    }

    private static async Task<Results<Ok<IReadOnlyList<WorkspaceSummary>>, ProblemHttpResult>> ListAsync(
        HttpContext context, WorkspaceDirectory directory, CancellationToken cancellationToken) =>
        Answer(await directory.ListAsync(Actor(context), cancellationToken));

    private static async Task<Results<Ok<WorkspaceSummary>, ProblemHttpResult>> GetAsync(
        string name, HttpContext context, WorkspaceDirectory directory, CancellationToken cancellationToken) =>
        Answer(await directory.GetAsync(name, Actor(context), cancellationToken));

    private static async Task<Results<Created<EntryResult>, Ok<EntryResult>, ProblemHttpResult>> UploadAsync(
        string name, string? path, HttpContext context, WorkspaceFiles files, CancellationToken cancellationToken)
    {
        var length = WorkspaceFileHttp.LimitToDeclaredLength(context);
        var outcome = await files.UploadAsync(name, path, context.Request.Body, length, Actor(context), cancellationToken);
        if (outcome.Problem is { } problem) return problem.ToResult();
        var uploaded = outcome.Value!;
        return uploaded.Replaced
            ? TypedResults.Ok(uploaded.Entry)
            : TypedResults.Created($"/v1/workspaces/{name}/files/{uploaded.Entry.Path}", uploaded.Entry);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string name, string? path, HttpContext context, WorkspaceFiles files, CancellationToken cancellationToken)
    {
        var outcome = await files.DownloadAsync(name, path, Actor(context), cancellationToken);
        if (outcome.Problem is { } problem) return problem.ToResult();
        return WorkspaceFileHttp.Send(context, outcome.Value!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteFileAsync(
        string name, string? path, HttpContext context, WorkspaceFiles files, CancellationToken cancellationToken) =>
        NoContent(await files.DeleteAsync(name, path, Actor(context), cancellationToken));

    private static async Task<Results<Ok<FolderListing>, ProblemHttpResult>> ListFolderAsync(
        string name, string? path, HttpContext context, WorkspaceFolders folders, CancellationToken cancellationToken) =>
        Answer(await folders.ListAsync(name, path, Actor(context), cancellationToken));

    private static async Task<Results<Created<EntryResult>, ProblemHttpResult>> CreateFolderAsync(
        string name, string? path, HttpContext context, WorkspaceFolders folders, CancellationToken cancellationToken)
    {
        var outcome = await folders.CreateAsync(name, path, Actor(context), cancellationToken);
        return outcome.Problem is { } problem ? problem.ToResult()
            : TypedResults.Created($"/v1/workspaces/{name}/folders/{outcome.Value!.Path}", outcome.Value);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteFolderAsync(
        string name, string? path, HttpContext context, WorkspaceFolders folders, CancellationToken cancellationToken) =>
        NoContent(await folders.DeleteAsync(name, path, Actor(context), cancellationToken));

    private static async Task<Results<Ok<EntryResult>, ProblemHttpResult>> RenameAsync(
        string name, RenameRequest request, HttpContext context, WorkspaceMoves moves, CancellationToken cancellationToken) =>
        Answer(await moves.RenameAsync(name, request, Actor(context), cancellationToken));

    private static async Task<Results<Ok<EntryResult>, ProblemHttpResult>> MoveAsync(
        string name, MoveRequest request, HttpContext context, WorkspaceMoves moves, CancellationToken cancellationToken) =>
        Answer(await moves.MoveAsync(name, request, Actor(context), cancellationToken));



    private static WorkspaceActor Actor(HttpContext context) => WorkspaceActor.SignedIn(context);
}
