using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>The Security Group page: bulk add refused whole with every bad entry listed, then accepted whole; removing a member.</summary>
public sealed class AdminGroupsTests(PortalHost host)
{
    [Fact]
    public async Task Should_ListEveryBadEntry_And_AddNobody_When_TheListHasBadAddresses_Then_AddEveryone_When_TheListIsGood()
    {
        var good = new[] { "gina@acme.example", "harry@acme.example", "ivy@acme.example" };
        await using var admin = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, admin, "/", PortalTenant.Admin);
        await admin.Locate("#nav-groups").ClickAsync();
        var group = admin.Locate($"section[data-group='{PortalTenant.PilotsGroup}']");
        await Expect(group.Locator(".members li")).ToHaveCountAsync(1);
        await Expect(group.Locator($".members li[data-email='{PortalTenant.Pilot}']")).ToBeVisibleAsync();
        await Expect(admin.Locate($"section[data-group='{PortalTenant.InvitersGroup}'] .members li[data-email='{PortalTenant.WorkspaceOwner}']")).ToBeVisibleAsync();

        await group.Locator(".bulk-members").FillAsync($"{good[0]}, not-an-address, {good[1]}, {PortalTenant.Outsider}");
        await group.Locator(".add-members").ClickAsync();
        var errors = group.Locator(".member-errors li");
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(0)).ToContainTextAsync("not-an-address");
        await Expect(errors.Nth(1)).ToContainTextAsync(PortalTenant.Outsider);
        await Expect(group.Locator(".member-errors")).ToContainTextAsync("Nothing was changed");
        await admin.ScreenshotAsync("2x-16-groups-bulk-refused");
        await admin.Page.ReloadAsync();
        await Expect(group.Locator(".members li")).ToHaveCountAsync(1);

        await group.Locator(".bulk-members").FillAsync(string.Join(", ", good));
        await group.Locator(".add-members").ClickAsync();
        await Expect(group.Locator(".added")).ToContainTextAsync("Added 3 members");
        await Expect(group.Locator(".bulk-members")).ToHaveValueAsync("");
        await Expect(group.Locator(".members li")).ToHaveCountAsync(4);
        foreach (var member in good) await Expect(group.Locator($".members li[data-email='{member}']")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("2x-17-groups-bulk-added");

        // Addresses half typed for another group survive the page re-reading the groups after a removal.
        var inviters = admin.Locate($"section[data-group='{PortalTenant.InvitersGroup}'] .bulk-members");
        await inviters.FillAsync("draft@acme.example");
        await group.Locator($".members li[data-email='{good[1]}'] .remove-member").ClickAsync();
        await group.Locator($".members li[data-email='{good[1]}'] .confirm").ClickAsync();
        await Expect(group.Locator($".members li[data-email='{good[1]}']")).ToHaveCountAsync(0);
        await Expect(inviters).ToHaveValueAsync("draft@acme.example");
        await Expect(group.Locator(".members li")).ToHaveCountAsync(3);
        await admin.ScreenshotAsync("2x-18-groups-member-removed");
        Assert.Empty(admin.Errors);
    }

    [Fact]
    public async Task Should_NotLinkTheAdminPages_And_RefuseThem_When_TheUserIsNoAdmin()
    {
        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, "/admin/groups", PortalTenant.WorkspaceOwner);
        await Expect(page.Locate("#not-admin")).ToContainTextAsync($"{PortalTenant.WorkspaceOwner} is not an admin");
        await Expect(page.Locate("#nav-workspaces")).ToBeVisibleAsync();
        await Expect(page.Locate("#nav-approvals")).ToHaveCountAsync(0);
        await Expect(page.Locate("#nav-groups")).ToHaveCountAsync(0);
        Assert.DoesNotContain(await page.RequestsAsync(), r => r.Url.Contains("/v1/admin/", StringComparison.Ordinal));
        Assert.Empty(page.Errors);
    }
}
