using Microsoft.Playwright;
using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>The Dropzone page applies the Dropzone's limits as soon as files are chosen, before anything is sent.</summary>
public sealed class DropzoneLimitsTests(PortalHost host)
{
    [Fact]
    public async Task Should_RefuseTheChoice_BeforeAnyUpload_When_MoreFilesThanAllowedAreChosen()
    {
        var files = Enumerable.Range(1, PortalTenant.MaxFiles + 1)
            .Select(i => new FilePayload { Name = $"receipt-{i}.txt", MimeType = "text/plain", Buffer = [(byte)i] })
            .ToList();

        var page = await ChooseAsync(files);

        await Expect(page.Locate("#file-problems")).ToContainTextAsync($"At most {PortalTenant.MaxFiles} files per upload.");
        await AssertNothingSentAsync(page, "12-dropzone-too-many-files");
    }

    [Fact]
    public async Task Should_RefuseTheChoice_BeforeAnyUpload_When_AFileIsOfATypeTheDropzoneDoesNotAccept()
    {
        var page = await ChooseAsync([new FilePayload { Name = "setup.exe", MimeType = "application/octet-stream", Buffer = [1, 2, 3] }]);

        await Expect(page.Locate("#file-problems")).ToContainTextAsync("setup.exe is not an accepted type (.pdf, .txt).");
        await AssertNothingSentAsync(page, "13-dropzone-type-refused");
    }

    private async Task<Browser.PortalPage> ChooseAsync(IReadOnlyList<FilePayload> files)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync($"/d/{PortalTenant.Dropzone}");
        await PortalFlows.SignInAsync(host, page, PortalTenant.NewSender());
        await page.Locate("#files").SetInputFilesAsync(files);
        return page;
    }

    private static async Task AssertNothingSentAsync(Browser.PortalPage page, string screenshot)
    {
        await using (page)
        {
            await Expect(page.Locate("#upload")).ToBeDisabledAsync();
            await page.ScreenshotAsync(screenshot);
            var requests = await page.RequestsAsync();
            Assert.DoesNotContain(requests, r => r.Method == "POST" && r.Url.Contains("/packages", StringComparison.Ordinal));
            Assert.DoesNotContain(requests, r => r.Url.Contains("/v1/transfer/", StringComparison.Ordinal));
            Assert.Empty(page.Errors);
        }
    }
}
