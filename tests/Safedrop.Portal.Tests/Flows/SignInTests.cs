using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>Signing in on the home page with a PIN from the e-mail.</summary>
public sealed class SignInTests(PortalHost host)
{
    [Fact]
    public async Task Should_ShowTheSignedInAddress_When_TheEmailedPinIsEntered()
    {
        await using var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locate("#sign-in h2")).ToHaveTextAsync("Sign in to Safedrop");

        await PortalFlows.SignInAsync(host, page, PortalTenant.Owner, screenshotPrefix: "01-home");

        await Expect(page.Locate("#sign-in")).ToHaveCountAsync(0);
        await Expect(page.Locate("#tab-received")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locate("#box-empty, #received-packages")).ToBeVisibleAsync();
        await page.ScreenshotAsync("01-home-signed-in");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_ShowTheProblemsMessage_When_ThePinIsWrong()
    {
        var address = PortalTenant.NewSender();
        await using var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locate("#email").FillAsync(address);
        await page.Locate("#request-pin").ClickAsync();
        await Expect(page.Locate("#pin")).ToBeVisibleAsync();
        var wrong = host.LatestPin(address) == "00000000" ? "11111111" : "00000000";

        await page.Locate("#pin").FillAsync(wrong);
        await page.Locate("#verify-pin").ClickAsync();

        await Expect(page.Locate("#sign-in .error")).ToContainTextAsync("The PIN does not match");
        await Expect(page.Locate("#sign-in .error")).ToContainTextAsync("attempt(s) left");
        await Expect(page.Locate("#signed-in-as")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("02-wrong-pin");
        Assert.Empty(page.Errors);
    }
}
