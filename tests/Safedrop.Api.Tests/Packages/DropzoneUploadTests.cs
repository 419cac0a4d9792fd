using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Packages;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Crypto;
using static Safedrop.Api.Tests.Packages.DropzoneTenant;

namespace Safedrop.Api.Tests.Packages;

/// <summary>SPEC §1 through HTTP: an external upload to a Dropzone, then who may open it.</summary>
public sealed class DropzoneUploadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string, byte[])[] Files = [("trace.log", PackageFlow.RandomBytes(9 * 1024 * 1024 + 123)), ("empty.txt", [])];

    [Fact]
    public async Task Should_Let_Sender_Owner_And_Members_Read_The_Files_When_An_External_Person_Uploads()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        var sent = await UploadAsync(api, Uploader, message: "Logs from last night");

        foreach (var reader in new[] { Uploader, Owner, Member })
        {
            using var client = await api.SignedInClientAsync(reader);
            var opened = await OpenAsync(client, sent);

            Assert.Equal(Uploader, opened.Sender);
            Assert.Equal(Files[0].Item2, await PackageFlow.DownloadAsync(client, opened, sent.Keycode, "f0"));
            Assert.Empty(await PackageFlow.DownloadAsync(client, opened, sent.Keycode, "f1"));
            Assert.Equal("Logs from last night", PackageFlow.OpenMessage(opened, sent.Keycode));
        }
        Assert.Contains(api.AuditEvents, e => e is { Action: PackageAccess.OpenAction, Outcome: AuditOutcome.Allowed, Rule: "DropzoneOwner", Actor: Owner });
        Assert.Contains(api.AuditEvents, e => e is { Action: PackageAccess.OpenAction, Outcome: AuditOutcome.Allowed, Rule: "DropzoneMember", Actor: Member });
    }

    [Fact]
    public async Task Should_Notify_Owner_And_Members_With_A_Link_Without_The_Keycode_When_An_Upload_Completes()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        var sent = await UploadAsync(api, Uploader);

        foreach (var reader in new[] { Owner, Member })
        {
            var mail = api.Mailbox.LatestTo(reader)!;
            Assert.Contains($"/p/{sent.PackageId}", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains(Uploader, mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(sent.Keycode.ToBase64Url(), mail.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_Admit_A_Colleague_Of_The_Sender_When_Sender_Domain_Access_Is_On()
    {
        using var folder = Create(senderDomainAccess: true);
        await using var api = new LocalApi(folder.Path);
        var sent = await UploadAsync(api, Uploader);
        using var client = await api.SignedInClientAsync(Colleague);

        var opened = await OpenAsync(client, sent);

        Assert.Equal(Files[0].Item2, await PackageFlow.DownloadAsync(client, opened, sent.Keycode, "f0"));
        Assert.Contains(api.AuditEvents, e => e is { Action: PackageAccess.OpenAction, Outcome: AuditOutcome.Allowed, Rule: "SenderDomainAccess", Actor: Colleague });
    }

    [Theory]
    [InlineData(false, "Enterprise", Colleague)]
    [InlineData(true, "Business", Colleague)]
    [InlineData(true, "Enterprise", Stranger)]
    public async Task Should_Refuse_And_Audit_When_No_Rule_Admits_The_Reader(bool senderDomainAccess, string plan, string reader)
    {
        using var folder = Create(senderDomainAccess, plan);
        await using var api = new LocalApi(folder.Path);
        var sent = await UploadAsync(api, Uploader);
        using var client = await api.SignedInClientAsync(reader);

        var response = await PackageFlow.OpenAsync(client, sent.PackageId, sent.Keycode);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!;
        Assert.Equal(ProblemTypes.AccessDenied, problem.Type);
        Assert.DoesNotContain("serverSecret", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains(api.AuditEvents, e => e is { Action: PackageAccess.OpenAction, Outcome: AuditOutcome.Denied, Actor: var actor } && actor == reader);
    }

    [Fact]
    public async Task Should_Refuse_The_Owner_When_The_Link_Is_Not_Held()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        var sent = await UploadAsync(api, Uploader);
        using var client = await api.SignedInClientAsync(Owner);

        var response = await PackageFlow.OpenAsync(client, sent.PackageId, Keycode.Generate());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ProblemTypes.KeycodeProofFailed, (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Type);
        Assert.Contains(api.AuditEvents, e => e is { Action: PackageAccess.OpenAction, Outcome: AuditOutcome.Denied, Actor: Owner });
    }

    [Fact]
    public async Task Should_Ask_For_Sign_In_When_Opening_Without_A_Session()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        var sent = await UploadAsync(api, Uploader);
        using var anonymous = api.CreateClient();

        var response = await PackageFlow.OpenAsync(anonymous, sent.PackageId, sent.Keycode);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_Show_The_Dropzone_Page_Without_Sign_In_And_Send_Nothing()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var anonymous = api.CreateClient();

        var page = (await anonymous.GetFromJsonAsync<Dropzones.DropzonePage>("/v1/dropzones/support", LocalApi.Json, Ct))!;

        Assert.Equal(("Acme support", 3), (page.DisplayName, page.MaxFiles));
        Assert.Null(api.Mailbox.LatestTo(Owner));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/v1/dropzones/nothing-here", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(4, 10, "a.log", 400, "too-many-files")]
    [InlineData(1, 13 * 1024 * 1024, "a.log", 413, "file-too-large")]
    [InlineData(2, 9 * 1024 * 1024, "a.log", 413, "package-too-large")]
    [InlineData(1, 10, "a.exe", 415, "file-type-not-allowed")]
    public async Task Should_Refuse_An_Upload_Over_The_Dropzones_Limits_And_Store_Nothing(int count, int size, string name, int status, string slug)
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var client = await api.SignedInClientAsync(Uploader);

        var response = await client.PostAsJsonAsync(CreatePath, new
        {
            files = Enumerable.Range(0, count).Select(i => new { name = $"{i}{name}", size }),
            verifier = Base64Url.Encode(KeycodeVerifier.Derive(Keycode.Generate())),
        }, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(ProblemTypes.Prefix + slug, (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Type);
        Assert.False(Directory.Exists(Path.Combine(api.DataFolder, "objects", "packages")));
    }

    [Fact]
    public async Task Should_List_Missing_Parts_And_Keep_The_Package_Invisible_When_Completed_Too_Early()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var uploader = await api.SignedInClientAsync(Uploader);
        var sent = await PackageFlow.CreateAsync(uploader, CreatePath, Files, Keycode.Generate());
        await PackageFlow.UploadPartsAsync(uploader, sent.Created, sent.Keycode, Files, skip: (file, part) => file == "f0" && part == 1);

        var early = await uploader.PostAsJsonAsync($"/v1/packages/{sent.PackageId}/complete", new { }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("\"part\":1", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var owner = await api.SignedInClientAsync(Owner);
        Assert.Equal(HttpStatusCode.NotFound, (await PackageFlow.OpenAsync(owner, sent.PackageId, sent.Keycode)).StatusCode);

        // Resuming sends only the missing part.
        await PackageFlow.UploadPartsAsync(uploader, sent.Created, sent.Keycode, Files, skip: (file, part) => !(file == "f0" && part == 1));
        Assert.Equal(HttpStatusCode.OK, (await uploader.PostAsJsonAsync($"/v1/packages/{sent.PackageId}/complete", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PackageFlow.OpenAsync(owner, sent.PackageId, sent.Keycode)).StatusCode);
    }

    [Fact]
    public async Task Should_Refuse_Upload_Urls_To_Anyone_But_The_Sender()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var uploader = await api.SignedInClientAsync(Uploader);
        var sent = await PackageFlow.CreateAsync(uploader, CreatePath, Files, Keycode.Generate());
        using var owner = await api.SignedInClientAsync(Owner);

        var response = await owner.PostAsJsonAsync($"/v1/packages/{sent.PackageId}/upload-urls", new { fileId = "f0", parts = new[] { 0 } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ProblemTypes.NotSender, (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Type);
    }

    private static async Task<PackageFlow.Sent> UploadAsync(LocalApi api, string uploader, string? message = null)
    {
        using var client = await api.SignedInClientAsync(uploader);
        return await PackageFlow.UploadAsync(client, CreatePath, Files, message: message);
    }

    private static async Task<OpenedPackage> OpenAsync(HttpClient client, PackageFlow.Sent sent)
    {
        var response = await PackageFlow.OpenAsync(client, sent.PackageId, sent.Keycode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OpenedPackage>(LocalApi.Json, Ct))!;
    }
}
