using Microsoft.Playwright;
using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>The Workspace browser: list, folders, uploads with progress, download, rename, move, delete, per role.</summary>
public sealed class WorkspaceBrowserTests(PortalHost host)
{
    [Fact]
    public async Task Should_UploadWithProgress_DownloadEqualBytes_Rename_Move_And_Delete_When_TheOwnerWorksInAFolder()
    {
        var folder = WorkspaceFlows.NewFolder("run");
        var files = PortalFlows.TwoFiles();
        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, "/w", PortalTenant.WorkspaceOwner);
        var listed = page.Locate($"#workspace-list tr[data-workspace='{PortalTenant.Workspace}']");
        await Expect(listed).ToContainTextAsync(PortalTenant.WorkspaceTitle);
        await Expect(listed).ToContainTextAsync("Owner");
        await page.ScreenshotAsync("2x-01-workspaces");

        await listed.Locator("a").ClickAsync();
        await Expect(page.Locate("#workspace-title")).ToHaveTextAsync(PortalTenant.WorkspaceTitle);
        await page.Locate("#new-folder-name").FillAsync(folder);
        await page.Locate("#create-folder").ClickAsync();
        await WorkspaceFlows.Entry(page, folder).Locator("a.folder-link").ClickAsync();
        await Expect(page.Locate("#breadcrumb [aria-current=page]")).ToHaveTextAsync(folder);
        await Expect(page.Locate("#folder-empty")).ToBeVisibleAsync();

        await page.Locate("#upload-files").SetInputFilesAsync(files);
        await page.Locate("#upload").ClickAsync();
        await Expect(page.Locate("#upload-list .file-state")).ToHaveTextAsync(["uploaded", "uploaded"], new() { Timeout = 30_000 });
        var bars = await page.Locate("#upload-list progress").EvaluateAllAsync<double[][]>("bars => bars.map(b => [b.value, b.max])");
        Assert.Equal([files[0].Buffer.Length, files[1].Buffer.Length], bars.Select(b => (int)b[1]));
        Assert.All(bars, bar => Assert.Equal(bar[1], bar[0]));
        await Expect(WorkspaceFlows.Entry(page, "notes.txt")).ToContainTextAsync(PortalTenant.WorkspaceOwner);
        await Expect(WorkspaceFlows.Entry(page, "invoice-2024-117.pdf")).ToContainTextAsync("4.1 MiB");
        await page.ScreenshotAsync("2x-02-workspace-uploaded");

        foreach (var file in files)
        {
            var download = await page.Page.RunAndWaitForDownloadAsync(() => WorkspaceFlows.Entry(page, file.Name).Locator(".download").ClickAsync());
            Assert.Equal(file.Name, download.SuggestedFilename);
            Assert.Equal(file.Buffer, await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        }

        await WorkspaceFlows.Entry(page, "notes.txt").Locator(".rename").ClickAsync();
        await WorkspaceFlows.Entry(page, "notes.txt").Locator(".inline-input").FillAsync("minutes.txt");
        await page.ScreenshotAsync("2x-03-workspace-rename");
        await WorkspaceFlows.Entry(page, "notes.txt").Locator(".confirm").ClickAsync();
        await Expect(WorkspaceFlows.Entry(page, "minutes.txt")).ToBeVisibleAsync();
        await Expect(WorkspaceFlows.Entry(page, "notes.txt")).ToHaveCountAsync(0);

        // The destination is typed first; the listing the new folder brings waits until the edit ends, so nothing typed is lost.
        await WorkspaceFlows.Entry(page, "minutes.txt").Locator(".move").ClickAsync();
        await WorkspaceFlows.Entry(page, "minutes.txt").Locator(".inline-input").FillAsync($"{folder}/archive");
        await page.Locate("#new-folder-name").FillAsync("archive");
        await page.Locate("#create-folder").ClickAsync();
        await Expect(page.Locate("#new-folder-name")).ToHaveValueAsync("");
        await Expect(WorkspaceFlows.Entry(page, "minutes.txt").Locator(".inline-input")).ToHaveValueAsync($"{folder}/archive");
        await WorkspaceFlows.Entry(page, "minutes.txt").Locator(".confirm").ClickAsync();
        await Expect(WorkspaceFlows.Entry(page, "minutes.txt")).ToHaveCountAsync(0);
        await Expect(WorkspaceFlows.Entry(page, "archive")).ToBeVisibleAsync();

        await WorkspaceFlows.Entry(page, "invoice-2024-117.pdf").Locator(".delete").ClickAsync();
        await page.ScreenshotAsync("2x-04-workspace-delete-confirm");
        await WorkspaceFlows.Entry(page, "invoice-2024-117.pdf").Locator(".confirm").ClickAsync();
        await Expect(WorkspaceFlows.Entry(page, "invoice-2024-117.pdf")).ToHaveCountAsync(0);

        await WorkspaceFlows.Entry(page, "archive").Locator("a.folder-link").ClickAsync();
        await Expect(WorkspaceFlows.Entry(page, "minutes.txt")).ToContainTextAsync("31 bytes");
        await page.ScreenshotAsync("2x-05-workspace-moved");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_OpenTheNewWorkspace_When_AHolderOfWorkspaceOwnershipCreatesOne()
    {
        var name = WorkspaceFlows.NewFolder("new");
        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, "/w", PortalTenant.WorkspaceOwner);

        await page.Locate("#new-workspace-name").FillAsync(name);
        await page.Locate("#new-workspace-title").FillAsync("Quarterly close");
        await page.Locate("#new-workspace-quota").FillAsync("5Gi");
        await page.Locate("#create-workspace").ClickAsync();

        await Expect(page.Locate("#workspace-title")).ToHaveTextAsync("Quarterly close", new() { Timeout = 15_000 });
        await Expect(page.Locate("#workspace .badge")).ToHaveTextAsync("Owner");
        await Expect(page.Locate("#workspace-usage")).ToContainTextAsync("0 bytes of 5.0 GiB used");
        await page.ScreenshotAsync("2x-01b-workspace-created");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_ShowNoWriteAction_When_AViewCollaboratorOpensTheWorkspace()
    {
        var folder = WorkspaceFlows.NewFolder("view");
        using (var owner = await WorkspaceFlows.SignedInClientAsync(host, PortalTenant.WorkspaceOwner))
            await owner.UploadAsync(PortalTenant.Workspace, $"{folder}/report.txt", "Quarterly report\n"u8.ToArray());

        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, $"/w/{PortalTenant.Workspace}/{folder}", PortalTenant.Viewer);
        await Expect(page.Locate("#workspace-title")).ToHaveTextAsync(PortalTenant.WorkspaceTitle);
        await Expect(page.Locate("#workspace .badge")).ToHaveTextAsync("View");
        await Expect(WorkspaceFlows.Entry(page, "report.txt").Locator(".download")).ToBeVisibleAsync();

        await Expect(page.Locate("#read-only")).ToBeVisibleAsync();
        foreach (var selector in new[] { "#upload-files", "#upload", "#create-folder", "#open-share", ".rename", ".move", ".delete" })
            await Expect(page.Locate(selector)).ToHaveCountAsync(0);
        await page.ScreenshotAsync("2x-06-workspace-view-role");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_ShowTheQuotaProblem_When_AFileIsLargerThanTheWorkspaceQuota()
    {
        var tooLarge = new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = new byte[(2 * 1024 * 1024) + 5] };
        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, $"/w/{PortalTenant.TinyWorkspace}", PortalTenant.WorkspaceOwner);

        await page.Locate("#upload-files").SetInputFilesAsync(tooLarge);
        await page.Locate("#upload").ClickAsync();

        var state = page.Locate("#upload-list li.failed .file-state");
        await Expect(state).ToHaveTextAsync("failed: File larger than the quota: 2.0 MiB do not fit, 0 bytes of 1.0 MiB are used.");
        Assert.Equal(0, await page.Locate("#upload-list li.failed progress").EvaluateAsync<double>("bar => bar.value"));
        await Expect(page.Locate("#folder-empty")).ToBeVisibleAsync();
        await page.ScreenshotAsync("2x-07-workspace-quota");
        Assert.Empty(page.Errors);
    }
}
