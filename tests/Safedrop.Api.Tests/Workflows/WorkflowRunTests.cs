using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Audit;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Packages;
using Safedrop.Api.Tests.Packages;
using Safedrop.Api.Workflows;
using Safedrop.Api.Workflows.Engine;
using Safedrop.Api.Workflows.Events;
using Safedrop.Testing;
using static Safedrop.Api.Tests.Workflows.WorkflowTenant;

namespace Safedrop.Api.Tests.Workflows;

/// <summary>Issue 7 through HTTP in local mode: a Dropzone upload runs its owner's workflows, and only theirs.</summary>
public sealed class WorkflowRunTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly (string, byte[])[] Files = [("report.txt", PackageFlow.RandomBytes(100))];

    private static async Task<PackageFlow.Sent> UploadToDropzoneAsync(LocalApi api)
    {
        using var client = await api.SignedInClientAsync(DropzoneTenant.Uploader);
        return await PackageFlow.UploadAsync(client, DropzoneTenant.CreatePath, Files);
    }

    [Fact]
    public async Task Should_Deliver_A_Signed_Event_To_The_Owners_Webhook_When_Someone_Uploads_To_Their_Dropzone()
    {
        await using var receiver = new WebhookReceiver(Secret);
        await using var bystanders = new WebhookReceiver(Secret);
        using var folder = Create();
        AddWorkflow(folder, "owner-hook", Owner, "DropzoneUploadReceived", Webhook(receiver.Url));
        AddWorkflow(folder, "carol-hook", Bystander, "DropzoneUploadReceived", Webhook(bystanders.Url));
        AddWorkflow(folder, "carol-received", Bystander, "PackageReceived", Webhook(bystanders.Url));
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };

        var sent = await UploadToDropzoneAsync(api);

        var delivery = Assert.Single(await receiver.WaitForAcceptedAsync(1, Timeout));
        Assert.True(delivery.Verified);
        using var body = JsonDocument.Parse(delivery.Body);
        Assert.Equal("DropzoneUploadReceived", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(Owner, body.RootElement.GetProperty("packageOwnerId").GetString());
        Assert.Equal(sent.PackageId, body.RootElement.GetProperty("packageId").GetString());
        Assert.Equal(DropzoneTenant.Dropzone, body.RootElement.GetProperty("dropzone").GetString());
        Assert.Equal(DropzoneTenant.Uploader, body.RootElement.GetProperty("sender").GetString());
        Assert.Equal("report.txt", body.RootElement.GetProperty("fileNames")[0].GetString());

        var run = Assert.Single(await WaitForFinishedRunsAsync(api, "owner-hook", 1));
        Assert.Equal((WorkflowRunState.Succeeded, Owner, 1), (run.State, run.Owner, run.Attempts));
        // The run record is saved just before its audit record: wait for that one too.
        await WaitForAuditAsync(api, e => e is { Action: WorkflowRunner.AuditAction, Outcome: AuditOutcome.Succeeded, Actor: Owner, Resource: "workflow/owner-hook" });
        using var owner = await api.SignedInClientAsync(Owner);
        var history = (await owner.GetFromJsonAsync<WorkflowRunPage>("/v1/workflows/owner-hook/runs", LocalApi.Json, TestContext.Current.CancellationToken))!;
        Assert.Equal(run.Id, Assert.Single(history.Runs).Id);
        var runs = api.Services.GetRequiredService<IWorkflowRuns>();
        Assert.Empty((await runs.ListAsync("carol-hook", new WorkflowRunPageRequest(10), TestContext.Current.CancellationToken)).Runs);
        Assert.Empty((await runs.ListAsync("carol-received", new WorkflowRunPageRequest(10), TestContext.Current.CancellationToken)).Runs);
        Assert.Empty(bystanders.Deliveries);
    }

    [Fact]
    public async Task Should_Record_Retries_In_The_Run_When_The_Receiver_Fails_Twice()
    {
        await using var receiver = new WebhookReceiver(Secret, failFirst: 2);
        using var folder = Create();
        AddWorkflow(folder, "flaky", Owner, "DropzoneUploadReceived", Webhook(receiver.Url));
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };

        await UploadToDropzoneAsync(api);

        var run = Assert.Single(await WaitForFinishedRunsAsync(api, "flaky", 1));
        Assert.Equal(WorkflowRunState.Succeeded, run.State);
        var action = Assert.Single(run.Actions);
        Assert.Equal((true, 3), (action.Succeeded, action.Attempts));
        Assert.Equal([500, 500, 204], receiver.Deliveries.Select(d => d.Status));
        Assert.All(receiver.Deliveries, d => Assert.True(d.Verified));
    }

    [Fact]
    public async Task Should_Fail_The_Run_After_The_Last_Try_When_The_Receiver_Keeps_Failing()
    {
        await using var receiver = new WebhookReceiver(Secret, failFirst: 100);
        using var folder = Create();
        AddWorkflow(folder, "broken", Owner, "DropzoneUploadReceived", Webhook(receiver.Url) + "\n    - email: {}");
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };

        await UploadToDropzoneAsync(api);

        var run = Assert.Single(await WaitForFinishedRunsAsync(api, "broken", 1));
        Assert.Equal(WorkflowRunState.Failed, run.State);
        Assert.Equal((false, 4), (run.Actions[0].Succeeded, run.Actions[0].Attempts));
        Assert.Contains("HTTP 500", run.Actions[0].Detail, StringComparison.Ordinal);
        Assert.Equal((false, 0), (run.Actions[1].Succeeded, run.Actions[1].Attempts));
        await WaitForAuditAsync(api, e => e is { Action: WorkflowRunner.AuditAction, Outcome: AuditOutcome.Failed, Resource: "workflow/broken" });
    }

    [Fact]
    public async Task Should_Not_Run_Twice_When_An_Event_Is_Delivered_Again()
    {
        await using var receiver = new WebhookReceiver(Secret);
        using var folder = Create();
        AddWorkflow(folder, "once", Owner, "DropzoneUploadReceived", Webhook(receiver.Url));
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };
        await UploadToDropzoneAsync(api);
        var run = Assert.Single(await WaitForFinishedRunsAsync(api, "once", 1));

        var reference = await EventReferenceAsync(api, run.EventId);
        await api.Services.GetRequiredService<WorkflowEngine>().ProcessAsync(reference, TestContext.Current.CancellationToken);
        await api.Services.GetRequiredService<IWorkflowEventStream>().AppendAsync(reference, TestContext.Current.CancellationToken);
        await api.Services.GetRequiredService<WorkflowEventSweeper>().SweepAsync(TestContext.Current.CancellationToken);
        await api.Services.GetRequiredService<WorkflowEngine>().ProcessAsync(reference, TestContext.Current.CancellationToken);

        Assert.Single((await api.Services.GetRequiredService<IWorkflowRuns>().ListAsync("once", new WorkflowRunPageRequest(10), TestContext.Current.CancellationToken)).Runs);
        Assert.Single(receiver.Deliveries);
    }

    [Fact]
    public async Task Should_Run_Events_Emitted_While_The_Engine_Was_Stopped_When_It_Starts()
    {
        await using var receiver = new WebhookReceiver(Secret);
        using var folder = Create();
        AddWorkflow(folder, "later", Owner, "DropzoneUploadReceived", Webhook(receiver.Url));
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };
        var engine = api.Services.GetRequiredService<WorkflowEngine>();
        await engine.StopAsync(TestContext.Current.CancellationToken);

        await UploadToDropzoneAsync(api);
        Assert.Empty(receiver.Deliveries);
        await engine.StartAsync(TestContext.Current.CancellationToken);

        Assert.Single(await receiver.WaitForAcceptedAsync(1, Timeout));
        Assert.Equal(WorkflowRunState.Succeeded, Assert.Single(await WaitForFinishedRunsAsync(api, "later", 1)).State);
    }

    [Fact]
    public async Task Should_Publish_A_Recorded_Event_That_Never_Reached_The_Stream_When_The_Sweeper_Runs()
    {
        await using var receiver = new WebhookReceiver(Secret);
        using var folder = Create();
        AddWorkflow(folder, "swept", Owner, "PackageSent", Webhook(receiver.Url));
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };
        _ = api.Services; // starts the host
        var recorded = new WorkflowEvent(Guid.NewGuid().ToString("N"), Resources.Model.WorkflowTrigger.PackageSent,
            DateTimeOffset.UtcNow.AddMinutes(-5), Owner) { PackageId = "lost-in-redis" };
        // Recorded, as EmitAsync does first, but the stream append "failed": nothing marks it published.
        await api.Services.GetRequiredService<WorkflowEventStore>().SaveAsync(recorded, TestContext.Current.CancellationToken);

        var published = await api.Services.GetRequiredService<WorkflowEventSweeper>().SweepAsync(TestContext.Current.CancellationToken);

        Assert.True(published >= 1);
        var delivery = Assert.Single(await receiver.WaitForAcceptedAsync(1, Timeout));
        Assert.Contains("lost-in-redis", delivery.Body, StringComparison.Ordinal);
        Assert.Equal(0, await api.Services.GetRequiredService<WorkflowEventSweeper>().SweepAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_Mail_The_Owner_Then_Copy_The_Files_When_Both_Actions_Run()
    {
        using var folder = Create();
        folder.Write("workspace.yaml", $"""
            apiVersion: safedrop.io/v1alpha1
            kind: Workspace
            metadata:
              name: inbox
              namespace: {TenantYaml.Namespace}
            spec:
              owner: {Owner}
            """);
        AddWorkflow(folder, "mail-then-copy", Owner, "DropzoneUploadReceived", "    - email: { subject: New upload }\n    - copyToWorkspace: { workspace: inbox }");
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };

        await UploadToDropzoneAsync(api);

        var run = Assert.Single(await WaitForFinishedRunsAsync(api, "mail-then-copy", 1));
        Assert.Equal(WorkflowRunState.Succeeded, run.State);
        Assert.Contains(api.Mailbox.Mails, m => m.To == Owner && m.Subject == "New upload");
        Assert.Equal((true, "copied 1 file(s) to inbox: /report.txt"), (run.Actions[1].Succeeded, run.Actions[1].Detail));
    }

    private static async Task WaitForAuditAsync(LocalApi api, Func<AuditEvent, bool> match)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (!api.AuditEvents.Any(match)) await Task.Delay(20, deadline.Token);
    }

    private static async Task<WorkflowEventRef> EventReferenceAsync(LocalApi api, string eventId)
    {
        var store = api.Services.GetRequiredService<Safedrop.Api.Storage.IObjectStore>();
        await foreach (var info in store.ListAsync("workflows/events/", TestContext.Current.CancellationToken))
        {
            if (info.Key.EndsWith($"/{eventId}.json", StringComparison.Ordinal))
                return new WorkflowEventRef(eventId, info.Key.Split('/')[2]);
        }
        throw new InvalidOperationException($"event {eventId} is not recorded");
    }
}

/// <summary>TransferCompleted: the sender's workflow runs once a reader reported every file downloaded.</summary>
public sealed class TransferCompletedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Run_The_Senders_Workflow_Once_When_Readers_Report_Every_File_Downloaded()
    {
        await using var receiver = new WebhookReceiver(Secret);
        using var folder = Create();
        AddWorkflow(folder, "delivered", Owner, "TransferCompleted", Webhook(receiver.Url));
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };
        using var sender = await api.SignedInClientAsync(Owner);
        var sent = await PackageFlow.UploadAsync(sender, "/v1/packages", [("a.txt", [1, 2]), ("b.txt", [3])], recipients: [DropzoneTenant.Member]);
        using var reader = await api.SignedInClientAsync(DropzoneTenant.Member);
        Assert.True((await PackageFlow.OpenAsync(reader, sent.PackageId, sent.Keycode)).IsSuccessStatusCode);

        var first = await reader.PostAsJsonAsync($"/v1/packages/{sent.PackageId}/downloaded", new { fileIds = new[] { "f0" } }, Ct);
        Assert.False((await first.Content.ReadFromJsonAsync<DownloadReport>(LocalApi.Json, Ct))!.TransferCompleted);
        var second = await reader.PostAsJsonAsync($"/v1/packages/{sent.PackageId}/downloaded", new { fileIds = new[] { "f1" } }, Ct);
        Assert.True((await second.Content.ReadFromJsonAsync<DownloadReport>(LocalApi.Json, Ct))!.TransferCompleted);
        await reader.PostAsJsonAsync($"/v1/packages/{sent.PackageId}/downloaded", new { fileIds = new[] { "f0", "f1" } }, Ct);

        var delivery = Assert.Single(await receiver.WaitForAcceptedAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Contains("\"type\":\"TransferCompleted\"", delivery.Body, StringComparison.Ordinal);
        await api.Services.GetRequiredService<WorkflowEventSweeper>().SweepAsync(Ct);
        Assert.Single(await WaitForFinishedRunsAsync(api, "delivered", 1));
        Assert.Single(receiver.Deliveries);
    }

    [Fact]
    public async Task Should_Refuse_A_Download_Report_When_The_Caller_May_Not_Read_The_Package()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };
        using var sender = await api.SignedInClientAsync(Owner);
        var sent = await PackageFlow.UploadAsync(sender, "/v1/packages", [("a.txt", [1])], recipients: [DropzoneTenant.Member]);
        using var stranger = await api.SignedInClientAsync(Bystander);

        var response = await stranger.PostAsJsonAsync($"/v1/packages/{sent.PackageId}/downloaded", new { fileIds = new[] { "f0" } }, Ct);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }
}
