using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Http;
using static Safedrop.Api.Http.OutcomeResults;
using Safedrop.Api.Identity;

namespace Safedrop.Api.Workspaces.Sharing;

public static class SharingEndpoints
{
    public static IEndpointRouteBuilder MapWorkspaceSharing(this IEndpointRouteBuilder app)
    {
        var shares = app.MapGroup("/v1/workspaces/{name}")
            .WithTags("Workspace sharing")
            .RequireAuthorization(SafedropClaims.SignedInPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            // 409 workspace-not-ready, for a Workspace created and not yet in force.
            .ProducesProblem(StatusCodes.Status409Conflict);

        shares.MapPost("/shares", ShareAsync)
            .WithName("ShareWorkspace")
            .WithSummary("Share a Workspace with an address and a role")
            .WithDescription("Owner or internal CoOwner only (403 external-cannot-share for external collaborators, workspace-role-missing naming CoOwner for Modify/View). "
                + "An internal address is in force at once (Invited, notice e-mail). An external address needs external sharing in force (403 external-sharing-off), "
                + "gets at most Modify (400 external-role-too-high), and is Invited with an invitation e-mail when the sharer holds InviteExternalUsers, else PendingAdminApproval "
                + "(admins are told; nothing is sent to the address). An address of another Organization on this platform gets no share: 409 cross-organization-address, "
                + "whose 'offer' holds the one call that creates the equivalent web link (CoOwner/Modify → DownloadAndUpload, View → ViewAndDownload). "
                + "Sharing again with a pending or invited address changes its role (200).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        shares.MapGet("/shares", ListAsync)
            .WithName("ListWorkspaceShares")
            .WithSummary("Collaborators of a Workspace with their status")
            .WithDescription("Owner or internal CoOwner. Collaborators declared in YAML (source yaml, read-only, approved by definition) then shares made through the API (source api) with status Invited, PendingAdminApproval or Rejected.");
        shares.MapDelete("/shares/{email}", RevokeAsync)
            .WithName("RevokeWorkspaceShare")
            .WithSummary("Revoke a share")
            .WithDescription("Owner or internal CoOwner. The address loses its role at once; collaborators declared in YAML are changed in YAML (409).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        shares.MapPost("/shares/{email}/reinvite", ReinviteAsync)
            .WithName("ReinviteWorkspaceShare")
            .WithSummary("Send the invitation again")
            .WithDescription($"Owner or internal CoOwner, for an Invited share; at most once per {SharingRules.ReinviteInterval.TotalMinutes:0} minutes per share (429 with Retry-After). A share awaiting approval has nothing to resend (409).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        shares.MapPost("/links", CreateLinkAsync)
            .WithName("CreateWebLink")
            .WithSummary("Create a web link to a folder or file")
            .WithDescription($"Owner or internal CoOwner; refused while external sharing is off. permission ViewAndDownload or DownloadAndUpload, path (default the root), expiresInDays (1–{SharingRules.MaxLinkDays}, default {SharingRules.DefaultLinkDays}). The token is shown once and stored only hashed; url is the portal page that opens the link in a browser ({{public URL}}/l/{{token}}).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        shares.MapGet("/links", ListLinksAsync)
            .WithName("ListWebLinks")
            .WithSummary("Web links of a Workspace")
            .WithDescription("Owner or internal CoOwner. Never shows a token.");
        shares.MapDelete("/links/{id}", RevokeLinkAsync)
            .WithName("RevokeWebLink")
            .WithSummary("Revoke a web link")
            .WithDescription("Owner or internal CoOwner. The link answers 403 web-link-revoked from then on.");

        var approvals = app.MapGroup("/v1/admin/share-approvals")
            .WithTags("Workspace sharing")
            .RequireAuthorization(SafedropClaims.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        approvals.MapGet("", PendingAsync)
            .WithName("ListShareApprovals")
            .WithSummary("Shares waiting for an admin's approval")
            .WithDescription("Admins. Shares with external addresses made by sharers without InviteExternalUsers, in every Workspace, oldest first.");
        approvals.MapPost("/{workspace}/{email}/approve", ApproveAsync)
            .WithName("ApproveShare")
            .WithSummary("Approve a pending share")
            .WithDescription("Admins. The share becomes Invited and the invitation e-mail goes out. Refused while external sharing is off.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        approvals.MapPost("/{workspace}/{email}/reject", RejectAsync)
            .WithName("RejectShare")
            .WithSummary("Reject a pending share")
            .WithDescription("Admins. The share becomes Rejected; the sharer is told, the address never was.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var use = app.MapGroup("/v1/links/{token}")
            .WithTags("Web links")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        use.MapGet("", DescribeLinkAsync)
            .WithName("GetWebLink")
            .WithSummary("What a web link grants")
            .WithDescription("No account needed. The Workspace, the folder or file, the permission, the expiry and, for a folder, its files.");
        use.MapGet("/files/{*path}", DownloadAsync)
            .WithName("DownloadThroughWebLink")
            .WithSummary("Download a file through a web link")
            .WithDescription("No account needed. path is relative to the link's folder (empty or the file's name for a file link).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        use.MapPut("/files/{*path}", UploadAsync)
            .WithName("UploadThroughWebLink")
            .WithSummary("Upload a file through a DownloadAndUpload web link")
            .WithDescription("No account needed. The body is the file; Content-Length is required. Stored as a collaborator's upload would be (encrypted at rest, missing folders created, an existing file replaced), counting against the Workspace's quota: 507 when it is full, 413 when the file alone exceeds it.")
            .AcceptsWorkspaceUpload()
            .Produces<WebLinkEntry>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status411LengthRequired)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);
        return app;
    }

    private static async Task<Results<Created<ShareView>, Ok<ShareView>, ProblemHttpResult>> ShareAsync(
        string name, CreateShareRequest request, HttpContext context, WorkspaceSharing sharing, CancellationToken cancellationToken)
    {
        var outcome = await sharing.ShareAsync(name, request, Actor(context), cancellationToken);
        if (outcome.Problem is { } problem) return problem.ToResult();
        var share = outcome.Value!.Share;
        return outcome.Value.Created
            ? TypedResults.Created($"/v1/workspaces/{name}/shares/{Uri.EscapeDataString(share.Email)}", share)
            : TypedResults.Ok(share);
    }

    private static async Task<Results<Ok<WorkspaceSharesResponse>, ProblemHttpResult>> ListAsync(
        string name, HttpContext context, WorkspaceSharing sharing, CancellationToken cancellationToken) =>
        Answer(await sharing.ListAsync(name, Actor(context), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string name, string email, HttpContext context, WorkspaceSharing sharing, CancellationToken cancellationToken) =>
        NoContent(await sharing.RevokeAsync(name, email, Actor(context), cancellationToken));

    private static async Task<Results<Ok<ShareView>, ProblemHttpResult>> ReinviteAsync(
        string name, string email, HttpContext context, WorkspaceSharing sharing, CancellationToken cancellationToken)
    {
        var outcome = await sharing.ReinviteAsync(name, email, Actor(context), cancellationToken);
        if (outcome.Problem?.Extensions?.GetValueOrDefault("retryAfterSeconds") is int seconds)
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Answer(outcome);
    }

    private static async Task<Results<Created<CreatedWebLink>, ProblemHttpResult>> CreateLinkAsync(
        string name, CreateWebLinkRequest request, HttpContext context, WebLinks links, CancellationToken cancellationToken)
    {
        var outcome = await links.CreateAsync(name, request, Actor(context), cancellationToken);
        return outcome.Problem is { } problem ? problem.ToResult() : TypedResults.Created($"/v1/workspaces/{name}/links/{outcome.Value!.Id}", outcome.Value);
    }

    private static async Task<Results<Ok<IReadOnlyList<WebLinkView>>, ProblemHttpResult>> ListLinksAsync(
        string name, HttpContext context, WebLinks links, CancellationToken cancellationToken) =>
        Answer(await links.ListAsync(name, Actor(context), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeLinkAsync(
        string name, string id, HttpContext context, WebLinks links, CancellationToken cancellationToken) =>
        NoContent(await links.RevokeAsync(name, id, Actor(context), cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<ShareView>>, ProblemHttpResult>> PendingAsync(ShareApprovals approvals, CancellationToken cancellationToken) =>
        Answer(await approvals.ListPendingAsync(cancellationToken));

    private static async Task<Results<Ok<ShareView>, ProblemHttpResult>> ApproveAsync(
        string workspace, string email, HttpContext context, ShareApprovals approvals, CancellationToken cancellationToken) =>
        Answer(await approvals.ApproveAsync(workspace, email, Actor(context), cancellationToken));

    private static async Task<Results<Ok<ShareView>, ProblemHttpResult>> RejectAsync(
        string workspace, string email, HttpContext context, ShareApprovals approvals, CancellationToken cancellationToken) =>
        Answer(await approvals.RejectAsync(workspace, email, Actor(context), cancellationToken));

    private static async Task<Results<Ok<WebLinkGrant>, ProblemHttpResult>> DescribeLinkAsync(
        string token, HttpContext context, WebLinkAccess access, CancellationToken cancellationToken) =>
        Answer(await access.DescribeAsync(token, Client(context), cancellationToken));

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string token, string? path, HttpContext context, WebLinkAccess access, CancellationToken cancellationToken)
    {
        var outcome = await access.DownloadAsync(token, path, Client(context), cancellationToken);
        if (outcome.Problem is { } problem) return problem.ToResult();
        return WorkspaceFileHttp.Send(context, outcome.Value!);
    }

    private static async Task<Results<Created<WebLinkEntry>, ProblemHttpResult>> UploadAsync(
        string token, string? path, HttpContext context, WebLinkAccess access, CancellationToken cancellationToken)
    {
        var length = WorkspaceFileHttp.LimitToDeclaredLength(context);
        var outcome = await access.UploadAsync(token, path, context.Request.Body, length, Client(context), cancellationToken);
        return outcome.Problem is { } problem ? problem.ToResult() : TypedResults.Created((string?)null, outcome.Value!);
    }



    private static string? Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    private static WorkspaceActor Actor(HttpContext context) => WorkspaceActor.SignedIn(context);
}
