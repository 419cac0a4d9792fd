using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Workspaces;
using Safedrop.Api.Workspaces.Sharing;
using Safedrop.Resources.Model;
using static Safedrop.Api.Tests.Workspaces.Sharing.SharingTenant;

namespace Safedrop.Api.Tests.Workspaces.Sharing;

/// <summary>SPEC §3 sharing through HTTP: who may share, with whom, with which role, and what happens then.</summary>
public sealed class ShareTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Put_An_Internal_Share_In_Force_With_A_Notice_When_The_Owner_Shares()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);

        var response = await owner.ShareAsync(" Erin@ACME.example ", "CoOwner");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var share = await response.ShareViewAsync();
        Assert.Equal((Colleague, CollaboratorRole.CoOwner, ShareStatus.Invited, false, "api"), (share.Email, share.Role, share.Status, share.External, share.Source));
        Assert.Contains(WorkspaceName, api.Mailbox.LatestTo(Colleague)!.Subject, StringComparison.Ordinal);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareCreate, Outcome: AuditOutcome.Succeeded, Actor: Owner, Rule: "internal" });
        // The new CoOwner may share in turn.
        using var colleague = await api.SignedInClientAsync(Colleague);
        Assert.Equal(HttpStatusCode.Created, (await colleague.ShareAsync("frank@acme.example", "View")).StatusCode);
    }

    [Fact]
    public async Task Should_Invite_An_External_Address_At_Once_When_The_Sharer_Holds_InviteExternalUsers()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);

        var response = await owner.ShareAsync(External, "Modify");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var share = await response.ShareViewAsync();
        Assert.Equal((ShareStatus.Invited, true), (share.Status, share.External));
        Assert.NotNull(share.InvitedAt);
        var invitation = api.Mailbox.LatestTo(External)!;
        Assert.Contains("Invitation", invitation.Subject, StringComparison.Ordinal);
        Assert.Contains("PIN", invitation.TextBody, StringComparison.Ordinal);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareCreate, Outcome: AuditOutcome.Succeeded, Rule: "InviteExternalUsers" });
        // In force: the shares the WorkspaceName services read grant it.
        var inForce = await api.Services.GetRequiredService<IWorkspaceShares>().ListAsync(WorkspaceName, Ct);
        Assert.Contains(inForce, s => s is { Email: External, Status: ShareStatus.Invited, Role: CollaboratorRole.Modify });
    }

    [Fact]
    public async Task Should_Wait_For_An_Admin_And_Tell_Only_The_Admins_When_The_Sharer_Lacks_InviteExternalUsers()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var coOwner = await api.SignedInClientAsync(CoOwner);

        var response = await coOwner.ShareAsync(External, "View");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var share = await response.ShareViewAsync();
        Assert.Equal(ShareStatus.PendingAdminApproval, share.Status);
        Assert.Null(share.InvitedAt);
        Assert.Null(api.Mailbox.LatestTo(External));
        Assert.Contains(External, api.Mailbox.LatestTo(OrgAdmin)!.TextBody, StringComparison.Ordinal);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareCreate, Outcome: AuditOutcome.Succeeded, Actor: CoOwner, Rule: "admin-approval-required" });
        // Pending grants nothing.
        Assert.DoesNotContain(await api.Services.GetRequiredService<IWorkspaceShares>().ListAsync(WorkspaceName, Ct), s => s.Status == ShareStatus.Invited);
    }

    [Fact]
    public async Task Should_Refuse_CoOwner_For_An_External_Address_And_Allow_Modify()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);

        var refused = await owner.ShareAsync(External, "CoOwner");
        var allowed = await owner.ShareAsync(External, "Modify");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Equal(ProblemTypes.ExternalRoleTooHigh, problem.Type);
        Assert.Contains("at most Modify", problem.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareCreate, Outcome: AuditOutcome.Denied, Rule: "external-role-too-high" });
    }

    [Theory]
    [InlineData(false, true, "organization")]
    [InlineData(true, false, "workspace")]
    public async Task Should_Refuse_An_External_Share_When_External_Sharing_Is_Off(bool organizationSharing, bool workspaceSharing, string which)
    {
        using var folder = Create(organizationSharing, workspaceSharing);
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);

        var refused = await owner.ShareAsync(External, "View");
        var internalShare = await owner.ShareAsync(Colleague, "View");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Equal(ProblemTypes.ExternalSharingOff, problem.Type);
        Assert.Equal(which, ((JsonElement)problem.Extensions["switch"]!).GetString());
        Assert.Equal(HttpStatusCode.Created, internalShare.StatusCode);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareCreate, Outcome: AuditOutcome.Denied, Rule: "external-sharing-off" });
    }

    [Theory]
    [InlineData("CoOwner", "DownloadAndUpload")]
    [InlineData("Modify", "DownloadAndUpload")]
    [InlineData("View", "ViewAndDownload")]
    public async Task Should_Refuse_A_Share_With_Another_Organization_And_Offer_The_Mapped_Web_Link(string role, string permission)
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);

        var response = await owner.ShareAsync(ForeignUser, role);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(ProblemTypes.CrossOrganizationAddress, problem.Type);
        Assert.Contains("belongs to the Organization 'globex'", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("no share was made", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("globex", ((JsonElement)problem.Extensions["organization"]!).GetString());
        var offer = ((JsonElement)problem.Extensions["offer"]!).Deserialize<WebLinkOffer>(LocalApi.Json)!;
        Assert.Equal((permission, "POST", $"/v1/workspaces/{WorkspaceName}/links"), (offer.Permission, offer.Method, offer.Href));
        Assert.DoesNotContain((await owner.SharesAsync()).Shares, s => s.Email == ForeignUser);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareCreate, Outcome: AuditOutcome.Denied, Rule: "cross-organization" });

        // The offer is the one call that creates the link.
        var created = await owner.PostAsJsonAsync(offer.Href, offer.Body, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(permission, (await created.Content.ReadFromJsonAsync<CreatedWebLink>(LocalApi.Json, Ct))!.Permission.ToString());
    }

    [Fact]
    public async Task Should_List_Yaml_Collaborators_Read_Only_Beside_Api_Shares_With_Their_Status()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);
        using var coOwner = await api.SignedInClientAsync(CoOwner);
        await owner.ShareAsync(Colleague, "View");
        await coOwner.ShareAsync(External, "Modify");

        var listed = await owner.SharesAsync();

        Assert.Equal((WorkspaceName, Owner, true), (listed.Workspace, listed.Owner, listed.ExternalSharing));
        Assert.Equal(
            [(CoOwner, "yaml", ShareStatus.Invited), (Editor, "yaml", ShareStatus.Invited), (DeclaredExternal, "yaml", ShareStatus.Invited)],
            listed.Shares.Where(s => s.Source == "yaml").Select(s => (s.Email, s.Source, s.Status)));
        Assert.Contains(listed.Shares, s => s is { Email: Colleague, Source: "api", Status: ShareStatus.Invited });
        Assert.Contains(listed.Shares, s => s is { Email: External, Source: "api", Status: ShareStatus.PendingAdminApproval });
        var yamlChange = await owner.DeleteAsync($"/v1/workspaces/{WorkspaceName}/shares/{Editor}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, yamlChange.StatusCode);
        Assert.Equal(ProblemTypes.ShareDeclaredInYaml, (await yamlChange.ProblemAsync()).Type);
    }

    [Theory]
    [InlineData(Editor, "Modify")]
    [InlineData(Colleague, "View")]
    public async Task Should_Refuse_Sharing_And_Web_Links_Naming_CoOwner_When_An_Internal_Collaborator_Is_Below_CoOwner(string caller, string role)
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);
        if (caller == Colleague) await owner.ShareAsync(Colleague, "View");
        using var client = await api.SignedInClientAsync(caller);

        var share = await client.ShareAsync("frank@acme.example", "View");
        var link = await client.PostAsJsonAsync($"/v1/workspaces/{WorkspaceName}/links", new { permission = "ViewAndDownload" }, Ct);

        foreach (var response in new[] { share, link })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal(ProblemTypes.WorkspaceRoleMissing, problem.Type);
            Assert.Contains("needs the CoOwner role", problem.Detail, StringComparison.Ordinal);
            Assert.Contains($"you hold {role}", problem.Detail, StringComparison.Ordinal);
        }
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareCreate, Outcome: AuditOutcome.Denied, Rule: "role-CoOwner-needed" });
    }

    [Theory]
    [InlineData(DeclaredExternal)]
    [InlineData(External)]
    public async Task Should_Never_Let_An_External_Collaborator_Share_Or_Create_Web_Links(string external)
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);
        if (external == External) await owner.ShareAsync(External, "Modify");
        using var client = await api.SignedInClientAsync(external);

        var responses = new[]
        {
            await client.ShareAsync("another@outside.example", "View"),
            await client.ShareAsync(Colleague, "View"),
            await client.PostAsJsonAsync($"/v1/workspaces/{WorkspaceName}/links", new { permission = "ViewAndDownload" }, Ct),
            await client.GetAsync($"/v1/workspaces/{WorkspaceName}/shares", Ct),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        foreach (var response in responses) Assert.Equal(ProblemTypes.ExternalCannotShare, (await response.ProblemAsync()).Type);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.LinkCreate, Outcome: AuditOutcome.Denied, Rule: "external-cannot-share" });
    }

    [Fact]
    public async Task Should_Answer_Not_Found_When_The_Caller_Has_No_Role()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var stranger = await api.SignedInClientAsync(Colleague);
        using var admin = await api.SignedInClientAsync(OrgAdmin);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.ShareAsync("x@acme.example", "View")).StatusCode);
        // Being an admin makes nobody a collaborator.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.ShareAsync("x@acme.example", "View")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.ShareAsync("x@acme.example", "View", workspace: "nowhere")).StatusCode);
    }

    [Theory]
    [InlineData("not-an-address", "View")]
    [InlineData(Colleague, "Owner")]
    [InlineData(Colleague, "1")]
    [InlineData(Owner, "View")]
    public async Task Should_Refuse_A_Malformed_Share(string email, string role)
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);

        var response = await owner.ShareAsync(email, role);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemTypes.ShareInvalid, (await response.ProblemAsync()).Type);
    }

    [Fact]
    public async Task Should_Take_The_Role_Away_When_A_Share_Is_Revoked()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);
        await owner.ShareAsync(Colleague, "CoOwner");
        using var colleague = await api.SignedInClientAsync(Colleague);
        Assert.Equal(HttpStatusCode.Created, (await colleague.ShareAsync("frank@acme.example", "View")).StatusCode);

        var revoked = await owner.DeleteAsync($"/v1/workspaces/{WorkspaceName}/shares/{Colleague}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.ShareAsync("grace@acme.example", "View")).StatusCode);
        Assert.DoesNotContain((await owner.SharesAsync()).Shares, s => s.Email == Colleague);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/v1/workspaces/{WorkspaceName}/shares/{Colleague}", Ct)).StatusCode);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareRevoke, Outcome: AuditOutcome.Succeeded, Actor: Owner });
    }

    [Fact]
    public async Task Should_Resend_An_Invitation_At_Most_Once_Per_Ten_Minutes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var folder = Create();
        await using var api = StartApi(folder, time);
        using var owner = await api.SignedInClientAsync(Owner);
        await owner.ShareAsync(External, "View");
        var reinvite = $"/v1/workspaces/{WorkspaceName}/shares/{External}/reinvite";
        var mailsBefore = api.Mailbox.Mails.Count(m => m.To == External);

        time.Advance(TimeSpan.FromMinutes(4));
        var tooSoon = await owner.PostAsync(reinvite, null, Ct);
        time.Advance(TimeSpan.FromMinutes(6));
        var resent = await owner.PostAsync(reinvite, null, Ct);
        var againTooSoon = await owner.PostAsync(reinvite, null, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
        Assert.Equal(ProblemTypes.ReinviteTooSoon, (await tooSoon.ProblemAsync()).Type);
        Assert.Equal(TimeSpan.FromMinutes(6), tooSoon.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, againTooSoon.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), againTooSoon.Headers.RetryAfter!.Delta);
        Assert.Equal(mailsBefore + 1, api.Mailbox.Mails.Count(m => m.To == External));
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareReinvite, Outcome: AuditOutcome.Succeeded });
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.ShareReinvite, Outcome: AuditOutcome.Denied, Rule: "rate-limited" });
    }

    [Fact]
    public async Task Should_Refuse_A_Reinvite_While_The_Share_Awaits_Approval()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var coOwner = await api.SignedInClientAsync(CoOwner);
        await coOwner.ShareAsync(External, "View");

        var response = await coOwner.PostAsync($"/v1/workspaces/{WorkspaceName}/shares/{External}/reinvite", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ProblemTypes.ShareStateConflict, (await response.ProblemAsync()).Type);
        Assert.Null(api.Mailbox.LatestTo(External));
    }
}
