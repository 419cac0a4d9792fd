using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>An external sender uploads to a Dropzone: encrypted in the browser, parts sent with progress.</summary>
public sealed class DropzoneUploadTests(PortalHost host)
{
    [Fact]
    public async Task Should_FillEveryProgressBar_And_ShowTheSecureLink_When_TwoFilesAndAMessageAreUploaded()
    {
        await using var page = await host.NewPageAsync();
        await page.GotoAsync($"/d/{PortalTenant.Dropzone}");
        await Expect(page.Locate("#dropzone-title")).ToHaveTextAsync(PortalTenant.DropzoneTitle);
        await page.ScreenshotAsync("03-dropzone");

        var link = await PortalFlows.UploadAsync(host, page, PortalTenant.NewSender(), PortalFlows.TwoFiles(), PortalFlows.Message, screenshotPrefix: "04-dropzone");

        Assert.StartsWith(host.BaseAddress + "p/", link, StringComparison.Ordinal);
        PortalFlows.Parse(link);
        var bars = await page.Locate("#file-list progress").EvaluateAllAsync<double[][]>("bars => bars.map(b => [b.value, b.max])");
        Assert.Equal(2, bars.Length);
        Assert.All(bars, bar => Assert.Equal(bar[1], bar[0]));
        await Expect(page.Locate("#file-list .file-state")).ToHaveTextAsync(["uploaded", "uploaded"]);
        await page.ScreenshotAsync("05-upload-done");
        Assert.Empty(page.Errors);
    }
}
