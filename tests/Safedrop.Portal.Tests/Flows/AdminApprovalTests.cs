using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>An external share by a CoOwner without InviteExternalUsers waits for an admin, who approves it on the approvals page.</summary>
public sealed class AdminApprovalTests(PortalHost host)
{
    [Fact]
    public async Task Should_TurnTheShareInvited_When_AnAdminApprovesAPendingExternalShare()
    {
        var guest = $"pending-{Guid.NewGuid():N}"[..16] + "@outside.example";
        await using var coOwner = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, coOwner, $"/w/{PortalTenant.Workspace}", PortalTenant.CoOwner);
        await Expect(coOwner.Locate("#nav-approvals")).ToHaveCountAsync(0);
        var dialog = await WorkspaceFlows.OpenShareDialogAsync(coOwner);
        await WorkspaceFlows.ShareAsync(dialog, guest, "Modify");
        var row = dialog.Locator($"#share-list tr[data-email='{guest}']");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Pending admin approval");
        await Expect(row.Locator(".reinvite")).ToHaveCountAsync(0);
        await coOwner.ScreenshotAsync("2x-13-share-pending-approval");

        await using var admin = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, admin, "/", PortalTenant.Admin);
        await admin.Locate("#nav-approvals").ClickAsync();
        var pending = admin.Locate($"#approval-list tr[data-email='{guest}']");
        await Expect(pending).ToContainTextAsync(PortalTenant.Workspace);
        await Expect(pending).ToContainTextAsync(PortalTenant.CoOwner);
        await admin.ScreenshotAsync("2x-14-admin-approvals");

        await pending.Locator(".approve").ClickAsync();
        await Expect(admin.Locate("#approval-notice")).ToContainTextAsync($"{guest} in Workspace {PortalTenant.Workspace}: Invited");
        await Expect(pending).ToHaveCountAsync(0);
        await admin.ScreenshotAsync("2x-15-admin-approved");

        await coOwner.Page.ReloadAsync();
        dialog = await WorkspaceFlows.OpenShareDialogAsync(coOwner);
        await Expect(dialog.Locator($"#share-list tr[data-email='{guest}'] .badge")).ToHaveTextAsync("Invited");
        Assert.Empty(coOwner.Errors);
        Assert.Empty(admin.Errors);
    }
}
