using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>The home page's boxes: what I sent, and what was sent to me.</summary>
public sealed class HomeBoxesTests(PortalHost host)
{
    [Fact]
    public async Task Should_ListThePackage_InTheSendersSentBox_And_TheOwnersReceivedBox_When_AnUploadIsComplete()
    {
        var sender = PortalTenant.NewSender();
        await using var senderPage = await host.NewPageAsync();
        var (packageId, _) = PortalFlows.Parse(await PortalFlows.UploadAsync(host, senderPage, sender, PortalFlows.TwoFiles(), PortalFlows.Message));

        await senderPage.GotoAsync("/");
        await senderPage.Locate("#tab-sent").ClickAsync();
        var sent = senderPage.Locate($"#sent-packages tr[data-package-id='{packageId}']");
        await Expect(sent).ToContainTextAsync($"Dropzone {PortalTenant.Dropzone}");
        await Expect(sent).ToContainTextAsync("invoice-2024-117.pdf");
        await senderPage.ScreenshotAsync("09-boxes-sent");

        await using var owner = await host.NewPageAsync();
        await owner.GotoAsync("/");
        await PortalFlows.SignInAsync(host, owner, PortalTenant.Owner);
        var received = owner.Locate($"#received-packages tr[data-package-id='{packageId}']");
        await Expect(received).ToContainTextAsync(sender);
        await Expect(received).ToContainTextAsync("notes.txt");
        await owner.ScreenshotAsync("10-boxes-received");

        Assert.Empty(senderPage.Errors);
        Assert.Empty(owner.Errors);
    }
}
