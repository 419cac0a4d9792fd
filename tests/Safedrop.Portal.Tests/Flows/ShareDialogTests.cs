using System.Net.Http.Json;
using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>The share dialog: collaborators with their status, sharing, the refusals, and the cross-organization web-link offer.</summary>
public sealed class ShareDialogTests(PortalHost host)
{
    [Fact]
    public async Task Should_ShowEveryCollaboratorWithItsStatus_When_TheOwnerSharesInternallyAndExternally()
    {
        var colleague = $"ivan-{Guid.NewGuid():N}"[..13] + "@acme.example";
        var guest = $"guest-{Guid.NewGuid():N}"[..14] + "@outside.example";
        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, $"/w/{PortalTenant.Workspace}", PortalTenant.WorkspaceOwner);
        var dialog = await WorkspaceFlows.OpenShareDialogAsync(page);

        var carol = dialog.Locator($"#share-list tr[data-email='{PortalTenant.CoOwner}']");
        await Expect(carol).ToContainTextAsync("CoOwner");
        await Expect(carol).ToContainTextAsync("Invited");
        await Expect(carol.Locator(".declared")).ToHaveTextAsync("declared in YAML");
        await Expect(carol.Locator("button")).ToHaveCountAsync(0);

        await WorkspaceFlows.ShareAsync(dialog, colleague, "Modify");
        await Expect(dialog.Locator($"#share-list tr[data-email='{colleague}'] .badge")).ToHaveTextAsync("Invited");

        await WorkspaceFlows.ShareAsync(dialog, guest, "CoOwner");
        await Expect(dialog.Locator("#share-error .error")).ToContainTextAsync($"{guest} is external");
        await Expect(dialog.Locator($"#share-list tr[data-email='{guest}']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("2x-08-share-external-coowner-refused");

        await WorkspaceFlows.ShareAsync(dialog, guest, "Modify");
        var guestRow = dialog.Locator($"#share-list tr[data-email='{guest}']");
        await Expect(guestRow.Locator(".badge")).ToHaveTextAsync("Invited");
        await Expect(guestRow).ToContainTextAsync("external");
        await Expect(guestRow.Locator(".reinvite")).ToBeVisibleAsync();
        await page.ScreenshotAsync("2x-09-share-dialog-statuses");

        await dialog.Locator($"#share-list tr[data-email='{colleague}'] .revoke").ClickAsync();
        await Expect(dialog.Locator($"#share-list tr[data-email='{colleague}'] .badge")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("2x-10-share-revoked");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_CreateAWorkingWebLink_When_TheOwnerAcceptsTheOfferForAnAddressOfAnotherOrganization()
    {
        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, $"/w/{PortalTenant.Workspace}", PortalTenant.WorkspaceOwner);
        var dialog = await WorkspaceFlows.OpenShareDialogAsync(page);

        await WorkspaceFlows.ShareAsync(dialog, PortalTenant.ForeignUser, "View");
        var offer = dialog.Locator("#cross-org-offer");
        await Expect(offer).ToContainTextAsync($"{PortalTenant.ForeignUser} belongs to another Organization");
        await Expect(offer).ToContainTextAsync("no share was made");
        await Expect(offer).ToContainTextAsync("ViewAndDownload");
        await Expect(dialog.Locator($"#share-list tr[data-email='{PortalTenant.ForeignUser}']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("2x-11-share-cross-organization-offer");

        await offer.Locator("#accept-offer").ClickAsync();
        var url = await dialog.Locator("#created-link #web-link-url").InputValueAsync();
        // The portal's page for the link (/l/{token}), which opens it in a browser.
        Assert.StartsWith(new Uri(host.BaseAddress, "/l/").ToString(), url, StringComparison.Ordinal);
        // Other tests create links in this Workspace at the same time: the new link is the marked row.
        await Expect(dialog.Locator("#link-list tbody tr.just-created")).ToContainTextAsync("ViewAndDownload");
        await page.ScreenshotAsync("2x-12-share-web-link-created");

        // The token the link carries works without an account.
        using var anonymous = new HttpClient();
        var token = url[(url.LastIndexOf('/') + 1)..];
        var grant = await anonymous.GetFromJsonAsync<Grant>(new Uri(host.BaseAddress, $"/v1/links/{token}"), TestContext.Current.CancellationToken);
        Assert.Equal(PortalTenant.Workspace, grant!.Workspace);
        Assert.Equal("ViewAndDownload", grant.Permission);
        Assert.Empty(page.Errors);
    }

    private sealed record Grant(string Workspace, string Permission);
}
