using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safedrop.Portal.Tests.Browser;
using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>The steps several flows share, done the way a person does them: through the page.</summary>
public static partial class PortalFlows
{
    /// <summary>Two files of a Dropzone upload: a short text and a PDF larger than one 4 MiB part.</summary>
    public static IReadOnlyList<FilePayload> TwoFiles()
    {
        var pdf = new byte[(4 * 1024 * 1024) + 123_457];
        new Random(5).NextBytes(pdf);
        return
        [
            new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "Invoice 2024-117: 1,250.00 EUR\n"u8.ToArray() },
            new FilePayload { Name = "invoice-2024-117.pdf", MimeType = "application/pdf", Buffer = pdf },
        ];
    }

    public const string Message = "Hello Alice, here is the invoice for March. Regards, Carol";

    /// <summary>
    /// Fills in the sign-in card on the current page: asks for a PIN, reads it from the dev mailbox, enters
    /// it, and waits until the page shows the signed-in address.
    /// </summary>
    public static async Task SignInAsync(PortalHost host, PortalPage page, string email, string? screenshotPrefix = null)
    {
        await page.Locate("#email").FillAsync(email);
        if (screenshotPrefix is not null) await page.ScreenshotAsync(screenshotPrefix + "-sign-in");
        await page.Locate("#request-pin").ClickAsync();
        await Expect(page.Locate("#pin")).ToBeVisibleAsync();
        if (screenshotPrefix is not null) await page.ScreenshotAsync(screenshotPrefix + "-pin-entry");
        await page.Locate("#pin").FillAsync(host.LatestPin(email));
        await page.Locate("#verify-pin").ClickAsync();
        await Expect(page.Locate("#signed-in-as")).ToHaveTextAsync(email);
    }

    /// <summary>Signs in on the Dropzone page and uploads the files with the message; returns the secure link.</summary>
    public static async Task<string> UploadAsync(PortalHost host, PortalPage page, string sender, IReadOnlyList<FilePayload> files, string message, string? screenshotPrefix = null, string dropzone = PortalTenant.Dropzone)
    {
        await page.GotoAsync($"/d/{dropzone}");
        await SignInAsync(host, page, sender, screenshotPrefix);
        await page.Locate("#files").SetInputFilesAsync(files);
        await page.Locate("#message").FillAsync(message);
        if (screenshotPrefix is not null) await page.ScreenshotAsync(screenshotPrefix + "-files-chosen");
        await page.Locate("#upload").ClickAsync();
        await Expect(page.Locate("#upload-done")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return await page.Locate("#secure-link").InputValueAsync();
    }

    /// <summary>The package id and keycode text of a secure link.</summary>
    public static (string PackageId, string Keycode) Parse(string link)
    {
        var match = SecureLinkPattern().Match(link);
        Assert.True(match.Success, $"Not a secure link: {link}");
        return (match.Groups["id"].Value, match.Groups["k"].Value);
    }

    [GeneratedRegex(@"/p/(?<id>[a-z2-7]{26})#k=(?<k>[A-Za-z0-9_-]{43})$")]
    public static partial Regex SecureLinkPattern();
}
