using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>
/// The web link page /l/{token}: opened without an account in a fresh browser, it shows what the link grants,
/// downloads and (DownloadAndUpload) uploads within the link's folder, and says plainly when a link was revoked.
/// </summary>
public sealed class WebLinkPageTests(PortalHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_ListDownloadAndUpload_WithoutSigningIn_When_AGuestOpensADownloadAndUploadLink()
    {
        var folder = WorkspaceFlows.NewFolder("link");
        var report = "Quarterly figures for the auditors\n"u8.ToArray();
        using var coOwner = await WorkspaceFlows.SignedInClientAsync(host, PortalTenant.CoOwner);
        await coOwner.UploadAsync(PortalTenant.Workspace, $"{folder}/report.txt", report);
        await coOwner.UploadAsync(PortalTenant.Workspace, $"{folder}/drafts/draft.txt", [1, 2, 3]);
        var link = await CreateLinkAsync(coOwner, "DownloadAndUpload", folder);
        Assert.Equal(new Uri(host.BaseAddress, "/l/" + link.Token), new Uri(link.Url));

        await using var page = await host.NewPageAsync();
        await page.GotoAsync(new Uri(link.Url).PathAndQuery);
        await Expect(page.Locate("#link-title")).ToHaveTextAsync(PortalTenant.WorkspaceTitle);
        await Expect(page.Locate("#link-permission")).ToHaveTextAsync("Download and upload");
        await Expect(page.Locate("#link-scope")).ToContainTextAsync($"the folder {folder}");
        await Expect(page.Locate("#link-expiry")).ToContainTextAsync("This link works until");
        await Expect(page.Locate("#entries tr[data-name='drafts'][data-kind='folder']")).ToContainTextAsync("drafts/");
        await Expect(page.Locate("#subfolder-note")).ToBeVisibleAsync();
        await Expect(page.Locate("#signed-in-as")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("3x-01-web-link-opened");

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Locate("#entries tr[data-name='report.txt'] .download").ClickAsync());
        Assert.Equal("report.txt", download.SuggestedFilename);
        Assert.Equal(report, await File.ReadAllBytesAsync(await download.PathAsync(), Ct));

        var upload = new FilePayload { Name = "signed-contract.pdf", MimeType = "application/pdf", Buffer = PortalFlows.TwoFiles()[1].Buffer };
        await page.Locate("#upload-files").SetInputFilesAsync(upload);
        await page.Locate("#upload").ClickAsync();
        await Expect(page.Locate("#upload-list .file-state")).ToHaveTextAsync("uploaded", new() { Timeout = 30_000 });
        var bar = await page.Locate("#upload-list progress").EvaluateAsync<double[]>("b => [b.value, b.max]");
        Assert.Equal(upload.Buffer.Length, (int)bar[1]);
        Assert.Equal(bar[1], bar[0]);
        await Expect(page.Locate("#entries tr[data-name='signed-contract.pdf']")).ToContainTextAsync("4.1 MiB");
        await page.ScreenshotAsync("3x-02-web-link-uploaded");

        // What the guest uploaded is in the Workspace, byte for byte.
        Assert.Equal(upload.Buffer, await coOwner.GetByteArrayAsync($"/v1/workspaces/{PortalTenant.Workspace}/files/{folder}/signed-contract.pdf", Ct));

        // The token stays on this origin: no request went anywhere else, and none carried a Referer.
        var requests = await page.RequestsAsync();
        Assert.All(requests, r => Assert.StartsWith(host.BaseAddress.ToString(), r.Url, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.False(r.Headers.ContainsKey("referer"), $"{r.Method} {r.Url} sent a Referer."));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_ShowNoUpload_When_ALinkIsViewAndDownload()
    {
        var folder = WorkspaceFlows.NewFolder("view");
        using var coOwner = await WorkspaceFlows.SignedInClientAsync(host, PortalTenant.CoOwner);
        await coOwner.UploadAsync(PortalTenant.Workspace, $"{folder}/minutes.txt", "Minutes\n"u8.ToArray());
        var link = await CreateLinkAsync(coOwner, "ViewAndDownload", folder);

        await using var page = await host.NewPageAsync();
        await page.GotoAsync(new Uri(link.Url).PathAndQuery);
        await Expect(page.Locate("#link-permission")).ToHaveTextAsync("View and download");
        await Expect(page.Locate("#entries tr[data-name='minutes.txt'] .download")).ToBeVisibleAsync();
        await Expect(page.Locate("#upload-files")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("3x-03-web-link-view-only");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_SayTheLinkWasRevoked_When_AGuestOpensARevokedLink()
    {
        var folder = WorkspaceFlows.NewFolder("gone");
        using var coOwner = await WorkspaceFlows.SignedInClientAsync(host, PortalTenant.CoOwner);
        await coOwner.UploadAsync(PortalTenant.Workspace, $"{folder}/old.txt", [1]);
        var link = await CreateLinkAsync(coOwner, "ViewAndDownload", folder);
        var revoked = await coOwner.DeleteAsync($"/v1/workspaces/{PortalTenant.Workspace}/links/{link.Id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        await using var page = await host.NewPageAsync();
        await page.GotoAsync(new Uri(link.Url).PathAndQuery);
        var message = page.Locate("#link-unavailable");
        await Expect(message.Locator("h1")).ToHaveTextAsync("This link was revoked");
        await Expect(message).ToContainTextAsync("ask for a new one");
        await Expect(page.Locate("#entries")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("3x-04-web-link-revoked");
        Assert.Empty(page.Errors);
    }

    private static async Task<CreatedLink> CreateLinkAsync(HttpClient client, string permission, string path)
    {
        var response = await client.PostAsJsonAsync($"/v1/workspaces/{PortalTenant.Workspace}/links", new { permission, path }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedLink>(Ct))!;
    }

    private sealed record CreatedLink(string Id, string Url, string Token);
}
