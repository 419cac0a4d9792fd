using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Workspaces;
using Safedrop.Api.Workspaces.Sharing;
using static Safedrop.Api.Tests.Workspaces.Sharing.SharingTenant;

namespace Safedrop.Api.Tests.Workspaces.Sharing;

/// <summary>Web links: created by CoOwners, used without an account within their folder and permission, until revoked or expired.</summary>
public sealed class WebLinkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Links = $"/v1/workspaces/{WorkspaceName}/links";
    private static readonly byte[] Report = [1, 2, 3, 4, 5];

    [Fact]
    public async Task Should_Let_Anyone_With_The_Link_List_And_Download_Within_Its_Folder_Only()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await OwnerWithFilesAsync(api);
        var link = await CreateAsync(owner, new { permission = "ViewAndDownload", path = "/Reports/", expiresInDays = 7 });
        using var anonymous = api.CreateClient();

        var grant = await anonymous.GetFromJsonAsync<WebLinkGrant>($"/v1/links/{link.Token}", LocalApi.Json, Ct);
        var download = await anonymous.GetAsync($"/v1/links/{link.Token}/files/q1.pdf", Ct);
        var outside = await anonymous.GetAsync($"/v1/links/{link.Token}/files/..%2Fsecret.txt", Ct);

        Assert.Equal(("Reports", WebLinkPermission.ViewAndDownload), (grant!.Path, grant.Permission));
        Assert.Equal(["q1.pdf"], grant.Entries!.Select(e => e.Path));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Report, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.NotEqual(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.LinkUse, Outcome: AuditOutcome.Allowed, Actor: WebLinkActor.Anonymous } && e.Details!["operation"] == "download");
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.LinkCreate, Outcome: AuditOutcome.Succeeded, Actor: Owner });
    }

    [Fact]
    public async Task Should_Upload_Only_Through_A_DownloadAndUpload_Link()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await OwnerWithFilesAsync(api);
        var viewOnly = await CreateAsync(owner, new { permission = "ViewAndDownload", path = "Reports" });
        var upload = await CreateAsync(owner, new { permission = "DownloadAndUpload", path = "Reports" });
        using var anonymous = api.CreateClient();

        var refused = await anonymous.PutAsync($"/v1/links/{viewOnly.Token}/files/new.txt", new ByteArrayContent([9]), Ct);
        var stored = await anonymous.PutAsync($"/v1/links/{upload.Token}/files/new.txt", new ByteArrayContent([7, 7]), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ProblemTypes.WebLinkNotAllowed, (await refused.ProblemAsync()).Type);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Equal("new.txt", (await stored.Content.ReadFromJsonAsync<WebLinkEntry>(LocalApi.Json, Ct))!.Path);
        using var download = await owner.DownloadAsync("Reports/new.txt");
        Assert.Equal([7, 7], await download.Content.ReadAsByteArrayAsync(Ct));
        var listed = (await owner.ListingAsync("Reports")).Files.Single(f => f.Name == "new.txt");
        Assert.Equal("weblink:" + upload.Id, listed.UploadedBy);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.LinkUse, Outcome: AuditOutcome.Denied, Rule: "view-only" });
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.LinkUse, Outcome: AuditOutcome.Succeeded, Actor: WebLinkActor.Anonymous }
            && e.Details!["operation"] == "upload" && e.Details["path"] == "Reports/new.txt" && e.Details["bytes"] == "2");
        Assert.DoesNotContain(api.AuditEvents, e => e is { Action: WorkspaceFiles.UploadAction, Actor: WebLinkActor.Anonymous });
    }

    [Fact]
    public async Task Should_Reach_Only_The_File_Of_A_File_Link()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await OwnerWithFilesAsync(api);
        var link = await CreateAsync(owner, new { permission = "ViewAndDownload", path = "Reports/q1.pdf" });
        using var anonymous = api.CreateClient();

        var byName = await anonymous.GetAsync($"/v1/links/{link.Token}/files/q1.pdf", Ct);
        var other = await anonymous.GetAsync($"/v1/links/{link.Token}/files/secret.txt", Ct);

        Assert.Equal(Report, await byName.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Should_List_Links_Without_Secrets_And_Refuse_A_Revoked_One()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await OwnerWithFilesAsync(api);
        using var coOwner = await api.SignedInClientAsync(CoOwner);
        var link = await CreateAsync(owner, new { permission = "ViewAndDownload" });
        using var anonymous = api.CreateClient();

        var listed = await coOwner.GetStringAsync(Links, Ct);
        var revoked = await coOwner.DeleteAsync($"{Links}/{link.Id}", Ct);
        var use = await anonymous.GetAsync($"/v1/links/{link.Token}", Ct);

        Assert.Contains(link.Id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(link.Token.Split('.')[1], listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, use.StatusCode);
        Assert.Equal(ProblemTypes.WebLinkRevoked, (await use.ProblemAsync()).Type);
        var views = await coOwner.GetFromJsonAsync<WebLinkView[]>(Links, LocalApi.Json, Ct);
        Assert.True(Assert.Single(views!).Revoked);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.LinkRevoke, Outcome: AuditOutcome.Succeeded, Actor: CoOwner });
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.LinkUse, Outcome: AuditOutcome.Denied, Rule: "revoked" });
    }

    [Fact]
    public async Task Should_Answer_Gone_When_The_Link_Expired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var folder = Create();
        await using var api = StartApi(folder, time);
        using var owner = await OwnerWithFilesAsync(api);
        var link = await CreateAsync(owner, new { permission = "ViewAndDownload", expiresInDays = 2 });
        using var anonymous = api.CreateClient();

        time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        var before = await anonymous.GetAsync($"/v1/links/{link.Token}/files/Reports/q1.pdf", Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        var after = await anonymous.GetAsync($"/v1/links/{link.Token}/files/Reports/q1.pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, after.StatusCode);
        Assert.Equal(ProblemTypes.WebLinkExpired, (await after.ProblemAsync()).Type);
    }

    [Fact]
    public async Task Should_Not_Tell_A_Wrong_Secret_From_An_Unknown_Link()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await OwnerWithFilesAsync(api);
        var link = await CreateAsync(owner, new { permission = "ViewAndDownload" });
        using var anonymous = api.CreateClient();
        var wrongSecret = link.Id + "." + new string('A', 43);

        var wrong = await anonymous.GetAsync($"/v1/links/{wrongSecret}", Ct);
        var unknown = await anonymous.GetAsync("/v1/links/nothing", Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (wrong.StatusCode, unknown.StatusCode));
        Assert.Equal(ProblemTypes.WebLinkNotFound, (await wrong.ProblemAsync()).Type);
        Assert.DoesNotContain(api.AuditEvents, e => e.Details?.Values.Any(v => v.Contains(new string('A', 43), StringComparison.Ordinal)) == true);
    }

    [Fact]
    public async Task Should_Refuse_Web_Links_When_The_Workspace_External_Sharing_Is_Off()
    {
        using var folder = Create(workspaceSharing: false);
        await using var api = StartApi(folder);
        using var owner = await OwnerWithFilesAsync(api);

        var response = await owner.PostAsJsonAsync(Links, new { permission = "ViewAndDownload" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ProblemTypes.ExternalSharingOff, (await response.ProblemAsync()).Type);
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.LinkCreate, Outcome: AuditOutcome.Denied, Rule: "external-sharing-off" });
    }

    [Theory]
    [InlineData("Everything", null, null, ProblemTypes.WebLinkInvalid)]
    [InlineData("ViewAndDownload", "../etc", null, ProblemTypes.WorkspacePathInvalid)]
    [InlineData("ViewAndDownload", null, 0, ProblemTypes.WebLinkInvalid)]
    [InlineData("ViewAndDownload", null, 366, ProblemTypes.WebLinkInvalid)]
    public async Task Should_Refuse_A_Malformed_Link(string permission, string? path, int? expiresInDays, string type)
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await OwnerWithFilesAsync(api);

        var response = await owner.PostAsJsonAsync(Links, new { permission, path, expiresInDays }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(type, (await response.ProblemAsync()).Type);
    }

    [Fact]
    public async Task Should_Refuse_A_Link_To_A_Path_That_Does_Not_Exist()
    {
        using var folder = Create();
        await using var api = StartApi(folder);
        using var owner = await OwnerWithFilesAsync(api);

        var response = await owner.PostAsJsonAsync(Links, new { permission = "ViewAndDownload", path = "Nowhere" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemTypes.WorkspaceEntryNotFound, (await response.ProblemAsync()).Type);
    }

    [Fact]
    public async Task Should_Count_Link_Uploads_Against_The_Quota_With_507_And_413()
    {
        using var folder = Create(quota: "1Mi");
        await using var api = StartApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);
        Assert.Equal(HttpStatusCode.Created, (await owner.UploadAsync("owner.bin", new byte[600 * 1024])).StatusCode);
        var link = await CreateAsync(owner, new { permission = "DownloadAndUpload" });
        using var anonymous = api.CreateClient();

        using var full = await anonymous.PutAsync($"/v1/links/{link.Token}/files/guest.bin", new ByteArrayContent(new byte[600 * 1024]), Ct);
        using var tooLarge = await anonymous.PutAsync($"/v1/links/{link.Token}/files/huge.bin", new ByteArrayContent(new byte[1024 * 1024 + 1]), Ct);
        using var fits = await anonymous.PutAsync($"/v1/links/{link.Token}/files/small.bin", new ByteArrayContent(new byte[100 * 1024]), Ct);

        Assert.Equal((HttpStatusCode)507, full.StatusCode);
        Assert.Equal(ProblemTypes.WorkspaceFull, (await full.ProblemAsync()).Type);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(ProblemTypes.WorkspaceFileTooLarge, (await tooLarge.ProblemAsync()).Type);
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        var summary = await owner.GetFromJsonAsync<WorkspaceSummary>($"/v1/workspaces/{WorkspaceName}", LocalApi.Json, Ct);
        Assert.Equal(700 * 1024, summary!.UsedBytes);
        Assert.Equal(["owner.bin", "small.bin"], (await owner.ListingAsync()).Files.Select(f => f.Name));
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.LinkUse, Outcome: AuditOutcome.Denied, Rule: "quota-exceeded", Actor: WebLinkActor.Anonymous });
        Assert.Contains(api.AuditEvents, e => e is { Action: SharingRules.LinkUse, Outcome: AuditOutcome.Denied, Rule: "file-larger-than-quota", Actor: WebLinkActor.Anonymous });
    }

    /// <summary>The owner, signed in, after uploading Reports/q1.pdf and secret.txt through the Workspace file endpoints.</summary>
    private static async Task<HttpClient> OwnerWithFilesAsync(LocalApi api)
    {
        var owner = await api.SignedInClientAsync(Owner);
        Assert.Equal(HttpStatusCode.Created, (await owner.UploadAsync("Reports/q1.pdf", Report)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.UploadAsync("secret.txt", [42])).StatusCode);
        return owner;
    }

    private static async Task<CreatedWebLink> CreateAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync(Links, request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var link = (await response.Content.ReadFromJsonAsync<CreatedWebLink>(LocalApi.Json, Ct))!;
        // The url opens the portal's page for the link; the API itself answers under /v1/links/{token}.
        Assert.EndsWith("/l/" + link.Token, link.Url, StringComparison.Ordinal);
        return link;
    }
}
