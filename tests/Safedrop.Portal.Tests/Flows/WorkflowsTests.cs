using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Workflows;
using Safedrop.Api.Workspaces;
using Safedrop.Portal.Tests.Browser;
using Safedrop.Portal.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Safedrop.Portal.Tests.Flows;

/// <summary>
/// "My workflows": creating one (refused with each field error first, then Ready), editing, disabling and deleting it,
/// its run history after an upload to the owner's Dropzone, the refusal for a user without the permission, an
/// admin acting as the owner, and a sixth workflow that does not run (LimitExceeded) opened with its settings. Each
/// test uses its own workflow names: the flows share one Organization.
/// </summary>
public sealed class WorkflowsTests(PortalHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_ListEachFieldError_When_TheWorkflowIsInvalid_Then_ShowItReady_When_Created()
    {
        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, "/workflows", PortalTenant.Pilot);
        await Expect(page.Locate("h1")).ToHaveTextAsync("My workflows");
        await page.ScreenshotAsync("4x-01-workflows-list");

        await page.Locate("#new-workflow").ClickAsync();
        await Expect(page.Locate("#wf-default-filter")).ToContainTextAsync($"Only items you own: PackageOwnerId == {PortalTenant.Pilot}");
        Assert.Equal(0, await page.Locate("#wf-default-filter input").CountAsync());
        await page.Locate("#wf-name").FillAsync("invoices-mail");
        await page.Locate("#wf-description").FillAsync("Tell me about invoices from partners");
        await page.Locate("#wf-trigger").SelectOptionAsync("PackageReceived");
        await page.Locate("#wf-filter-senderDomains").FillAsync("partner.example, not a domain");
        await page.Locate("#wf-filter-fileNamePatterns").FillAsync("*.pdf");
        await page.Locate(".action .email-to").FillAsync(PortalTenant.Pilot);
        await page.ScreenshotAsync("4x-02-workflow-editor");
        await page.Locate("#save-workflow").ClickAsync();
        await Expect(page.Locate("#wf-result .problem")).ToContainTextAsync("The workflow was not saved");
        await Expect(page.Locate("#wf-result .field-errors li")).ToContainTextAsync(["spec.filters.senderDomains"]);
        await page.ScreenshotAsync("4x-03-workflow-invalid");

        await page.Locate("#wf-filter-senderDomains").FillAsync("partner.example");
        await page.Locate("#save-workflow").ClickAsync();
        var row = page.Locate("tr[data-workflow='invoices-mail']");
        await Expect(row.Locator(".ready")).ToHaveTextAsync("Ready");
        await Expect(row.Locator(".trigger")).ToHaveTextAsync("A package arrives for the owner");
        await Expect(row.Locator(".runs")).ToHaveAttributeAsync("href", "/workflows/invoices-mail/runs");
        await page.ScreenshotAsync("4x-04-workflow-created");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_ShowTheChange_When_AWorkflowIsEdited_Disabled_And_Deleted()
    {
        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, "/workflows/new", PortalTenant.Pilot);
        await CreateAsync(page, "hook-on-send", "PackageSent");
        var row = page.Locate("tr[data-workflow='hook-on-send']");
        await Expect(row.Locator(".ready")).ToHaveTextAsync("Ready");

        await row.Locator("a.edit").ClickAsync();
        await Expect(page.Locate("#wf-trigger")).ToHaveValueAsync("PackageSent");
        await Expect(page.Locate("#wf-name")).ToBeDisabledAsync();
        await page.Locate("#wf-trigger").SelectOptionAsync("TransferCompleted");
        await page.Locate("#add-action").ClickAsync();
        var webhook = page.Locate(".action").Nth(1);
        await webhook.Locator(".action-kind").SelectOptionAsync("webhook");
        await webhook.Locator(".webhook-url").FillAsync("https://hooks.acme.example/safedrop");
        await webhook.Locator(".webhook-secret").FillAsync("paula-hook");
        await page.Locate("#add-action").ClickAsync();
        await page.Locate(".action").Nth(2).Locator(".action-kind").SelectOptionAsync("copyToWorkspace");
        await Expect(page.Locate(".action").Nth(2).Locator(".reads-packages")).ToContainTextAsync("This workflow can read your packages.");
        await page.ScreenshotAsync("4x-05-workflow-edit-actions");
        await page.Locate(".action").Nth(2).Locator(".remove-action").ClickAsync();
        await page.Locate("#save-workflow").ClickAsync();
        await Expect(row.Locator(".trigger")).ToHaveTextAsync("A recipient downloaded every file the owner sent");

        await row.Locator("a.edit").ClickAsync();
        await Expect(page.Locate(".action")).ToHaveCountAsync(2);
        await Expect(page.Locate(".action").Nth(1).Locator(".webhook-url")).ToHaveValueAsync("https://hooks.acme.example/safedrop");
        await page.Locate("a.close").ClickAsync();

        await row.Locator(".disable").ClickAsync();
        await Expect(row.Locator(".enabled")).ToHaveTextAsync("Disabled");
        await Expect(row.Locator(".enable")).ToBeVisibleAsync();
        await page.ScreenshotAsync("4x-06-workflow-disabled");

        await row.Locator(".delete").ClickAsync();
        await Expect(row.Locator(".confirm-text")).ToHaveTextAsync("Delete hook-on-send?");
        await page.ScreenshotAsync("4x-07-workflow-delete-asks");
        await row.Locator(".confirm").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_ShowTheRunAndEachActionsResult_When_AnUploadReachesTheOwnersDropzone()
    {
        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, "/workflows/new", PortalTenant.Pilot);
        await page.Locate("#wf-filter-dropzones").FillAsync(PortalTenant.PilotDropzone);
        await CreateAsync(page, "inbox-mail", "DropzoneUploadReceived");
        await page.Locate("tr[data-workflow='inbox-mail'] .runs").ClickAsync();
        await Expect(page.Locate("#runs-empty")).ToBeVisibleAsync();
        await page.ScreenshotAsync("4x-08-runs-empty");

        await using (var sender = await host.NewPageAsync())
            await PortalFlows.UploadAsync(host, sender, PortalTenant.NewSender(), PortalFlows.TwoFiles(), PortalFlows.Message, dropzone: PortalTenant.PilotDropzone);
        await WaitForFinishedRunAsync("inbox-mail");

        await page.Page.ReloadAsync();
        var run = page.Locate("#run-list .run");
        await Expect(run).ToHaveCountAsync(1);
        await Expect(run.Locator(".badge")).ToHaveTextAsync("Succeeded");
        await Expect(run).ToContainTextAsync("1 attempt");
        await Expect(run.Locator(".run-actions li.ok")).ToContainTextAsync("email");
        await page.ScreenshotAsync("4x-09-runs-one");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_WarnThatTheWorkflowReadsPackages_And_CopyTheBrowsersUploadIntoTheWorkspace_When_ItHasTheCopyAction()
    {
        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, "/workflows/new", PortalTenant.Pilot);
        await page.Locate("#wf-name").FillAsync("inbox-copy");
        await page.Locate("#wf-trigger").SelectOptionAsync("DropzoneUploadReceived");
        await page.Locate("#wf-filter-dropzones").FillAsync(PortalTenant.PilotDropzone);
        var action = page.Locate(".action").Nth(0);
        await action.Locator(".action-kind").SelectOptionAsync("copyToWorkspace");
        await action.Locator(".copy-workspace").FillAsync(PortalTenant.PilotWorkspace);
        await action.Locator(".copy-folder").FillAsync("/from-inbox");
        await Expect(action.Locator(".reads-packages")).ToContainTextAsync("This workflow can read your packages.");
        await page.ScreenshotAsync("4x-14-copy-action-warning");
        await page.Locate("#save-workflow").ClickAsync();
        await Expect(page.Locate("tr[data-workflow='inbox-copy'] .ready")).ToHaveTextAsync("Ready");

        // The sender's browser wraps the keycode for the workflow's key, which the API names when the package is created.
        var files = PortalFlows.TwoFiles();
        await using (var sender = await host.NewPageAsync())
            await PortalFlows.UploadAsync(host, sender, PortalTenant.NewSender(), files, PortalFlows.Message, dropzone: PortalTenant.PilotDropzone);
        await WaitForFinishedRunAsync("inbox-copy");

        await page.Locate("tr[data-workflow='inbox-copy'] .runs").ClickAsync();
        var run = page.Locate("#run-list .run");
        await Expect(run.Locator(".badge")).ToHaveTextAsync("Succeeded");
        await Expect(run.Locator(".run-actions li.ok")).ToContainTextAsync("copied 2 file(s) to paula-files");
        await page.ScreenshotAsync("4x-15-copy-run");
        var workspaceFiles = host.Api.Services.GetRequiredService<WorkspaceFiles>();
        var reader = new WorkspaceActor(Resources.Identity.EmailAddress.Parse(PortalTenant.Pilot), null);
        foreach (var file in files)
        {
            var download = await workspaceFiles.DownloadAsync(PortalTenant.PilotWorkspace, "from-inbox/" + file.Name, reader, TestContext.Current.CancellationToken);
            await using var content = download.Value!.Content;
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, TestContext.Current.CancellationToken);
            Assert.Equal(file.Buffer, copy.ToArray());
        }
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_ShowTheRefusal_When_TheUserDoesNotHoldPersonalWorkflows()
    {
        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, "/workflows", PortalTenant.Viewer);
        await Expect(page.Locate("#workflows-not-permitted")).ToContainTextAsync("You do not hold the PersonalWorkflows permission");
        await Expect(page.Locate("#new-workflow")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("4x-10-workflows-not-permitted");

        await page.GotoAsync("/workflows/new");
        await page.Locate("#wf-name").FillAsync("not-mine");
        await page.Locate(".action .email-to").FillAsync(PortalTenant.Viewer);
        await page.Locate("#save-workflow").ClickAsync();
        await Expect(page.Locate("#wf-result .problem")).ToHaveAttributeAsync("data-type", "permission-missing");
        await Expect(page.Locate("#wf-result .problem")).ToContainTextAsync("You do not hold the PersonalWorkflows permission");
        await page.ScreenshotAsync("4x-11-workflow-create-refused");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Should_CreateTheWorkflowForTheUser_And_SendActAsOnEveryCall_When_AnAdminActsAsThem()
    {
        await using var admin = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, admin, "/", PortalTenant.Admin);
        await admin.Locate("#nav-act-as").ClickAsync();
        await admin.Locate("#act-as-email").FillAsync(PortalTenant.Pilot);
        await admin.ScreenshotAsync("4x-12-act-as-entry");
        await admin.Locate("#act-as").ClickAsync();
        await Expect(admin.Locate("#acting-as")).ToContainTextAsync($"Acting as {PortalTenant.Pilot} — changes are recorded as made by you ({PortalTenant.Admin}) for {PortalTenant.Pilot}");
        await Expect(admin.Locate("h1")).ToHaveTextAsync($"Workflows of {PortalTenant.Pilot}");

        await admin.Locate("#new-workflow").ClickAsync();
        await Expect(admin.Locate("#acting-as")).ToBeVisibleAsync();
        await Expect(admin.Locate("#wf-default-filter")).ToContainTextAsync($"PackageOwnerId == {PortalTenant.Pilot}");
        await CreateAsync(admin, "made-by-admin", "PackageReceived");
        var row = admin.Locate("tr[data-workflow='made-by-admin']");
        await Expect(row.Locator(".who")).ToHaveTextAsync(PortalTenant.Pilot);
        await Expect(row.Locator(".ready")).ToHaveTextAsync("Ready");
        await admin.ScreenshotAsync("4x-13-acting-as-list");

        var calls = (await admin.RequestsAsync()).Where(r => r.Url.Contains("/v1/workflows", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(calls);
        Assert.All(calls, r => Assert.Equal(PortalTenant.Pilot, r.Headers.GetValueOrDefault("safedrop-act-as")));
        Assert.DoesNotContain(await admin.RequestsAsync(), r => !r.Url.Contains("/v1/workflows", StringComparison.Ordinal) && r.Headers.ContainsKey("safedrop-act-as"));

        await admin.Locate("#stop-acting").ClickAsync();
        await Expect(admin.Locate("#act-as-email")).ToBeVisibleAsync();
        await Expect(admin.Locate("#acting-as")).ToHaveCountAsync(0);

        // Paula sees it among her own.
        await using var paula = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, paula, "/workflows", PortalTenant.Pilot);
        await Expect(paula.Locate("tr[data-workflow='made-by-admin'] .ready")).ToHaveTextAsync("Ready");
        Assert.Empty(admin.Errors);
        Assert.Empty(paula.Errors);
    }

    [Fact]
    public async Task Should_MarkTheSixthLimitExceeded_And_OpenItWithItsSettings_Then_ShowItReady_When_AnEarlierOneIsDeleted()
    {
        // Setup through the API: five workflows, then a sixth with filters and two actions, created in name order.
        using (var bea = await WorkspaceFlows.SignedInClientAsync(host, PortalTenant.BusyPilot))
        {
            foreach (var i in Enumerable.Range(1, 5))
                (await bea.PostAsJsonAsync("/v1/workflows", new { name = $"busy-{i}", trigger = "PackageReceived", actions = new[] { new { email = new { } } } }, Ct)).EnsureSuccessStatusCode();
            var sixth = await bea.PostAsJsonAsync("/v1/workflows", new
            {
                name = "busy-6",
                description = "Invoices to the books",
                trigger = "TransferCompleted",
                filters = new { fileNamePatterns = new[] { "*.pdf" } },
                actions = new object[]
                {
                    new { webhook = new { url = "https://hooks.acme.example/books", secretRef = new { name = "books-hook" } } },
                    new { email = new { subject = "Sent and fetched" } },
                },
            }, Ct);
            sixth.EnsureSuccessStatusCode();
        }

        using var compiled = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await host.Api.Store.WaitForAsync(s => s.DeclaredWorkflows.GetValueOrDefault("busy-6")?.Status.Conditions.Count > 0, compiled.Token);

        await using var page = await host.NewPageAsync();
        await WorkspaceFlows.OpenSignedInAsync(host, page, "/workflows", PortalTenant.BusyPilot);
        var row = page.Locate("tr[data-workflow='busy-6']");
        await Expect(row.Locator(".ready")).ToHaveTextAsync("LimitExceeded");
        await Expect(row.Locator(".reason")).ToContainTextAsync($"Does not run: {PortalTenant.BusyPilot} already has 5 Personal Workflows");
        await Expect(row.Locator(".reason")).ToContainTextAsync("Delete one of the others.");
        await Expect(row.Locator(".trigger")).ToHaveTextAsync("A recipient downloaded every file the owner sent");
        await Expect(page.Locate("tr[data-workflow='busy-5'] .ready")).ToHaveTextAsync("Ready");
        await page.ScreenshotAsync("4x-20-workflow-limit-exceeded-list");

        await row.Locator("a.edit").ClickAsync();
        await Expect(page.Locate("#wf-not-in-force")).ToContainTextAsync("Does not run: LimitExceeded — ");
        await Expect(page.Locate("#wf-trigger")).ToHaveValueAsync("TransferCompleted");
        await Expect(page.Locate("#wf-description")).ToHaveValueAsync("Invoices to the books");
        await Expect(page.Locate("#wf-filter-fileNamePatterns")).ToHaveValueAsync("*.pdf");
        await Expect(page.Locate(".action")).ToHaveCountAsync(2);
        await Expect(page.Locate(".action").Nth(0).Locator(".action-kind")).ToHaveValueAsync("webhook");
        await Expect(page.Locate(".action").Nth(0).Locator(".webhook-url")).ToHaveValueAsync("https://hooks.acme.example/books");
        await Expect(page.Locate(".action").Nth(0).Locator(".webhook-secret")).ToHaveValueAsync("books-hook");
        await Expect(page.Locate(".action").Nth(1).Locator(".email-subject")).ToHaveValueAsync("Sent and fetched");
        await page.ScreenshotAsync("4x-21-workflow-limit-exceeded-editor");

        // Freeing a slot puts the sixth in force: the editor's notice goes, the list shows it Ready.
        await page.Locate("a.close").ClickAsync();
        var first = page.Locate("tr[data-workflow='busy-1']");
        await first.Locator(".delete").ClickAsync();
        await first.Locator(".confirm").ClickAsync();
        await Expect(first).ToHaveCountAsync(0);
        await Expect(row.Locator(".ready")).ToHaveTextAsync("Ready");
        await Expect(row.Locator(".reason")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("4x-22-workflow-limit-freed");
        await row.Locator("a.edit").ClickAsync();
        await Expect(page.Locate("#wf-trigger")).ToHaveValueAsync("TransferCompleted");
        await Expect(page.Locate("#wf-not-in-force")).ToHaveCountAsync(0);
        Assert.Empty(page.Errors);
    }

    /// <summary>On the editor: names the workflow, picks the trigger, keeps the default e-mail action (to the owner), saves, and waits for the list.</summary>
    private static async Task CreateAsync(PortalPage page, string name, string trigger)
    {
        await page.Locate("#wf-name").FillAsync(name);
        await page.Locate("#wf-trigger").SelectOptionAsync(trigger);
        await page.Locate("#save-workflow").ClickAsync();
        await Expect(page.Locate($"tr[data-workflow='{name}']")).ToBeVisibleAsync();
    }

    private async Task WaitForFinishedRunAsync(string workflow)
    {
        var runs = host.Api.Services.GetRequiredService<IWorkflowRuns>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while ((await runs.ListAsync(workflow, new WorkflowRunPageRequest(), deadline.Token)).Runs.All(r => r.State is not (WorkflowRunState.Succeeded or WorkflowRunState.Failed)))
            await Task.Delay(50, deadline.Token);
    }
}
