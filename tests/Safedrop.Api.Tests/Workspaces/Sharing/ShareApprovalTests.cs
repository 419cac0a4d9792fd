using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Workspaces;
using Safedrop.Api.Workspaces.Sharing;
using static Safedrop.Api.Tests.Workspaces.Sharing.SharingTenant;

namespace Safedrop.Api.Tests.Workspaces.Sharing;

/// <summary>Admins approve or reject shares with external addresses made without InviteExternalUsers.</summary>
public sealed class ShareApprovalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Approve = $"/v1/admin/share-approvals/{WorkspaceName}/{External}/approve";
    private static readonly string Reject = $"/v1/admin/share-approvals/{WorkspaceName}/{External}/reject";

    [Fact]
    public async Task Should_Invite_The_Address_When_An_Admin_Approves()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var coOwner = await api.SignedInClientAsync(CoOwner);
        await coOwner.ShareAsync(External, "Modify");
        using var admin = await api.SignedInClientAsync(OrgAdmin);

        var pending = await admin.GetFromJsonAsync<ShareView[]>("/v1/admin/share-approvals", LocalApi.Json, Ct);
        var approved = await admin.PostAsync(Approve, null, Ct);

        Assert.Equal([(WorkspaceName, External, ShareStatus.PendingAdminApproval, CoOwner)], pending!.Select(p => (p.Workspace, p.Email, p.Status, p.SharedBy)));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var share = await approved.ShareViewAsync();
        Assert.Equal((ShareStatus.Invited, OrgAdmin), (share.Status, share.DecidedBy));
        Assert.Contains("Invitation", api.Mailbox.LatestTo(External)!.Subject, StringComparison.Ordinal);
        Assert.Empty((await admin.GetFromJsonAsync<ShareView[]>("/v1/admin/share-approvals", LocalApi.Json, Ct))!);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareApprove, Outcome: AuditOutcome.Succeeded, Actor: OrgAdmin });
        Assert.Contains(await api.Services.GetRequiredService<IWorkspaceShares>().ListAsync(WorkspaceName, Ct), s => s is { Email: External, Status: ShareStatus.Invited });
        // Decided once: a second decision finds nothing pending.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync(Reject, null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Should_End_The_Share_And_Tell_The_Sharer_When_An_Admin_Rejects()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var coOwner = await api.SignedInClientAsync(CoOwner);
        await coOwner.ShareAsync(External, "View");
        using var admin = await api.SignedInClientAsync(OrgAdmin);

        var rejected = await admin.PostAsync(Reject, null, Ct);

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(ShareStatus.Rejected, (await rejected.ShareViewAsync()).Status);
        Assert.Null(api.Mailbox.LatestTo(External));
        Assert.Contains("not approved", api.Mailbox.LatestTo(CoOwner)!.Subject, StringComparison.Ordinal);
        Assert.Contains((await coOwner.SharesAsync()).Shares, s => s is { Email: External, Status: ShareStatus.Rejected });
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareReject, Outcome: AuditOutcome.Succeeded, Actor: OrgAdmin });
    }

    [Fact]
    public async Task Should_Admit_Only_Admins_To_Approvals()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var coOwner = await api.SignedInClientAsync(CoOwner);
        await coOwner.ShareAsync(External, "View");
        using var owner = await api.SignedInClientAsync(Owner);

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/v1/admin/share-approvals", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsync(Approve, null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coOwner.PostAsync(Approve, null, Ct)).StatusCode);
        Assert.Null(api.Mailbox.LatestTo(External));
    }

    [Fact]
    public async Task Should_Answer_Not_Found_For_A_Share_That_Does_Not_Exist()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var admin = await api.SignedInClientAsync(OrgAdmin);

        var response = await admin.PostAsync(Approve, null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemTypes.ShareNotFound, (await response.ProblemAsync()).Type);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareApprove, Outcome: AuditOutcome.Denied, Rule: "share-not-found" });
    }
}
