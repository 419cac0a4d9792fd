using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Safedrop.Portal.Tests.Browser;
using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>Steps of the Workspace flows: signing in on a Workspace page, and preparing state through the API.</summary>
public static class WorkspaceFlows
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens <paramref name="path"/> and signs in on its sign-in card.</summary>
    public static async Task OpenSignedInAsync(PortalHost host, PortalPage page, string path, string email)
    {
        await page.GotoAsync(path);
        await PortalFlows.SignInAsync(host, page, email);
    }

    /// <summary>A fresh folder name per test: the flows share one Workspace for the whole run.</summary>
    public static string NewFolder(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>An HttpClient signed in as <paramref name="email"/> by PIN, for preparing what a flow starts from.</summary>
    public static async Task<HttpClient> SignedInClientAsync(PortalHost host, string email)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        (await client.PostAsJsonAsync("/v1/auth/pin", new { email }, Ct)).EnsureSuccessStatusCode();
        var verified = await client.PostAsJsonAsync("/v1/auth/pin/verify", new { email, pin = host.LatestPin(email) }, Ct);
        verified.EnsureSuccessStatusCode();
        var session = await verified.Content.ReadFromJsonAsync<SessionToken>(Ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session!.Token);
        return client;
    }

    public static async Task UploadAsync(this HttpClient client, string workspace, string path, byte[] content)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await client.PutAsync($"/v1/workspaces/{workspace}/files/{path}", body, Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>The row of a file or folder in the listing, by name.</summary>
    public static ILocator Entry(PortalPage page, string name) => page.Locate($"#entries tr[data-name='{name}']");

    /// <summary>Opens the share dialog on the Workspace page and waits for its collaborators.</summary>
    public static async Task<ILocator> OpenShareDialogAsync(PortalPage page)
    {
        await page.Locate("#open-share").ClickAsync();
        var dialog = page.Locate("#share-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("#share-list")).ToBeVisibleAsync();
        return dialog;
    }

    /// <summary>Shares through the dialog's form.</summary>
    public static async Task ShareAsync(ILocator dialog, string email, string role)
    {
        await dialog.Locator("#share-email").FillAsync(email);
        await dialog.Locator("#share-role").SelectOptionAsync(role);
        await dialog.Locator("#share-submit").ClickAsync();
    }

    private sealed record SessionToken(string Token);
}
