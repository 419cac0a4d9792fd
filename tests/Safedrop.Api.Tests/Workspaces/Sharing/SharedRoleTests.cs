using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Workspaces;
using Safedrop.Api.Workspaces.Sharing;
using static Safedrop.Api.Tests.Workspaces.Sharing.SharingTenant;

namespace Safedrop.Api.Tests.Workspaces.Sharing;

/// <summary>Shares made through the sharing API give (and stop giving) roles on the Workspace file endpoints: one role resolution for both.</summary>
public sealed class SharedRoleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly byte[] Content = [1, 2, 3];

    [Fact]
    public async Task Should_Give_The_Shared_Role_On_The_File_Endpoints_Until_The_Share_Is_Revoked()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);
        Assert.Equal(HttpStatusCode.Created, (await owner.UploadAsync("plan.txt", Content)).StatusCode);
        using var colleague = await api.SignedInClientAsync(Colleague);

        using var before = await colleague.DownloadAsync("plan.txt");
        var viewShare = await owner.ShareAsync(Colleague, "View");
        using var viewDownload = await colleague.DownloadAsync("plan.txt");
        using var viewUpload = await colleague.UploadAsync("colleague.txt", Content);
        var modifyShare = await owner.ShareAsync(Colleague, "Modify");
        using var modifyUpload = await colleague.UploadAsync("colleague.txt", Content);
        var revoked = await owner.DeleteAsync($"/v1/workspaces/{WorkspaceName}/shares/{Colleague}", Ct);
        using var afterDownload = await colleague.DownloadAsync("plan.txt");
        using var afterUpload = await colleague.UploadAsync("again.txt", Content);

        Assert.IsType<WorkspaceShareStore>(api.Services.GetRequiredService<IWorkspaceShares>());
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal((HttpStatusCode.Created, ShareStatus.Invited), (viewShare.StatusCode, (await viewShare.ShareViewAsync()).Status));
        Assert.Equal(Content, await viewDownload.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, viewUpload.StatusCode);
        Assert.Equal(ProblemTypes.WorkspaceRoleMissing, (await viewUpload.ProblemAsync()).Type);
        Assert.Equal(HttpStatusCode.OK, modifyShare.StatusCode);
        Assert.Equal(HttpStatusCode.Created, modifyUpload.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (afterDownload.StatusCode, afterUpload.StatusCode));
        Assert.Equal(ProblemTypes.WorkspaceNotFound, (await afterDownload.ProblemAsync()).Type);
    }

    [Fact]
    public async Task Should_Give_Nothing_To_A_Share_Pending_Approval_Until_An_Admin_Approves_It()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);
        Assert.Equal(HttpStatusCode.Created, (await owner.UploadAsync("plan.txt", Content)).StatusCode);
        using var coOwner = await api.SignedInClientAsync(CoOwner);
        using var guest = await api.SignedInClientAsync(External);
        using var admin = await api.SignedInClientAsync(OrgAdmin);

        var pending = await coOwner.ShareAsync(External, "Modify");
        using var whilePending = await guest.DownloadAsync("plan.txt");
        var listedWhilePending = await guest.GetFromJsonAsync<List<WorkspaceSummary>>("/v1/workspaces", LocalApi.Json, Ct);
        var approved = await admin.PostAsync($"/v1/admin/share-approvals/{WorkspaceName}/{External}/approve", null, Ct);
        using var download = await guest.DownloadAsync("plan.txt");
        using var upload = await guest.UploadAsync("from-guest.txt", Content);
        var summary = await guest.GetFromJsonAsync<WorkspaceSummary>($"/v1/workspaces/{WorkspaceName}", LocalApi.Json, Ct);

        Assert.Equal(ShareStatus.PendingAdminApproval, (await pending.ShareViewAsync()).Status);
        Assert.Equal(HttpStatusCode.NotFound, whilePending.StatusCode);
        Assert.Empty(listedWhilePending!);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(Content, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(("Modify", true), (summary!.Role, summary.External));
    }
}
