using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Audit;
using Safedrop.Api.Caches;
using Safedrop.Api.Identity;
using Safedrop.Api.Packages;
using Safedrop.Api.Storage;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Tests.Packages;
using Safedrop.Api.Workflows;
using Safedrop.Api.Workflows.Engine.Copy;
using Safedrop.Api.Workflows.Events;
using Safedrop.Api.Workflows.Keys;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using static Safedrop.Api.Tests.Workflows.WorkflowTenant;

namespace Safedrop.Api.Tests.Workflows;

/// <summary>
/// The copyToWorkspace action through HTTP in local mode: the workflow key senders wrap for, the copy with the owner's
/// role and quota, the failures a user sees in the run history, and the key's life with its workflow.
/// </summary>
public sealed class WorkspaceCopyTests
{
    private const string Inbox = "inbox";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TenantFolder CreateWithInbox(string quota = "10Gi", string trigger = "DropzoneUploadReceived", string filters = "{}")
    {
        var folder = Create();
        folder.Write("workspace.yaml", Workspace(Inbox, quota));
        AddWorkflow(folder, "to-inbox", Owner, trigger, "    - copyToWorkspace: { workspace: inbox, folder: /incoming }", filters);
        return folder;
    }

    private static string Workspace(string name, string quota = "10Gi") => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: Workspace
        metadata:
          name: {name}
          namespace: {TenantYaml.Namespace}
        spec:
          owner: {Owner}
          quota: {quota}
        """;

    private static async Task<PackageFlow.Sent> UploadAsync(LocalApi api, (string, byte[])[] files, bool wrapForWorkflows = true)
    {
        using var client = await api.SignedInClientAsync(DropzoneTenant.Uploader);
        return await PackageFlow.UploadAsync(client, DropzoneTenant.CreatePath, files, wrapForWorkflows: wrapForWorkflows);
    }

    [Fact]
    public async Task Should_Copy_The_Decrypted_Files_Into_The_Owners_Workspace_When_Someone_Uploads_To_Their_Dropzone()
    {
        using var folder = CreateWithInbox();
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };
        // More than one part, so the copy stitches parts together; and a name uploaded twice.
        var large = PackageFlow.RandomBytes(5 * 1024 * 1024 + 17);
        var small = PackageFlow.RandomBytes(100);

        var sent = await UploadAsync(api, [("scan.bin", large), ("note.txt", small)]);
        await UploadAsync(api, [("note.txt", [1, 2, 3])]);

        Assert.Contains(sent.Created.WrapFor, t => t.Recipient == Owner && t.Purpose == "Workflow \"to-inbox\"");
        var runs = await WaitForFinishedRunsAsync(api, "to-inbox", 2);
        Assert.All(runs, r => Assert.Equal(WorkflowRunState.Succeeded, r.State));
        using var owner = await api.SignedInClientAsync(Owner);
        Assert.Equal(large, await owner.GetByteArrayAsync($"/v1/workspaces/{Inbox}/files/incoming/scan.bin", Ct));
        var notes = new[]
        {
            await owner.GetByteArrayAsync($"/v1/workspaces/{Inbox}/files/incoming/note.txt", Ct),
            await owner.GetByteArrayAsync($"/v1/workspaces/{Inbox}/files/incoming/note (2).txt", Ct),
        };
        Assert.Contains(small, notes);
        Assert.Contains([1, 2, 3], notes);
        Assert.Contains(runs, r => r.Actions[0].Detail == $"copied 2 file(s) to {Inbox}: /incoming/scan.bin, /incoming/note.txt"
            || r.Actions[0].Detail == $"copied 2 file(s) to {Inbox}: /incoming/scan.bin, /incoming/note (2).txt");
        // Each copy is an upload of the owner, audited with the workflow that made it.
        Assert.Contains(api.AuditEvents, e => e is { Action: "workspace.file.upload", Actor: Owner, Outcome: AuditOutcome.Succeeded }
            && e.Details!["workflow"] == "to-inbox" && e.Resource == $"workspace/{Inbox}/incoming/scan.bin");
    }

    [Fact]
    public async Task Should_Fail_The_Run_Plainly_When_The_Senders_Client_Did_Not_Wrap_The_Keycode_For_The_Workflow()
    {
        using var folder = CreateWithInbox();
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };

        await UploadAsync(api, [("report.txt", [1, 2, 3])], wrapForWorkflows: false);

        var run = Assert.Single(await WaitForFinishedRunsAsync(api, "to-inbox", 1));
        Assert.Equal(WorkflowRunState.Failed, run.State);
        var action = Assert.Single(run.Actions);
        Assert.Equal(1, action.Attempts);
        Assert.StartsWith("the package's keycode was not wrapped for this workflow's key", action.Detail, StringComparison.Ordinal);
        using var owner = await api.SignedInClientAsync(Owner);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/v1/workspaces/{Inbox}/files/incoming/report.txt", Ct)).StatusCode);
    }

    [Fact]
    public async Task Should_Fail_The_Run_With_The_Quota_And_Store_Nothing_When_The_Workspace_Is_Full()
    {
        using var folder = CreateWithInbox(quota: "1Ki");
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };

        await UploadAsync(api, [("big.bin", PackageFlow.RandomBytes(4096))]);

        var run = Assert.Single(await WaitForFinishedRunsAsync(api, "to-inbox", 1));
        Assert.Equal(WorkflowRunState.Failed, run.State);
        Assert.Contains("quota", run.Actions[0].Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(api.AuditEvents, e => e is { Action: "workspace.file.upload", Outcome: AuditOutcome.Denied } && e.Details!["workflow"] == "to-inbox");
        using var owner = await api.SignedInClientAsync(Owner);
        var usage = await owner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/v1/workspaces/{Inbox}", Ct);
        Assert.Equal(0, usage.GetProperty("usedBytes").GetInt64());
    }

    [Fact]
    public async Task Should_Copy_Only_Files_Matching_The_Name_Patterns()
    {
        using var folder = CreateWithInbox(filters: "{ fileNamePatterns: ['*.log'] }");
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };

        await UploadAsync(api, [("server.log", [1]), ("notes.txt", [2])]);

        var run = Assert.Single(await WaitForFinishedRunsAsync(api, "to-inbox", 1));
        Assert.Equal($"copied 1 file(s) to {Inbox}: /incoming/server.log", run.Actions[0].Detail);
    }

    [Fact]
    public async Task Should_Not_Copy_A_File_Twice_When_The_Same_Event_Runs_Again()
    {
        using var folder = CreateWithInbox();
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };
        await UploadAsync(api, [("once.txt", [7])]);
        var run = Assert.Single(await WaitForFinishedRunsAsync(api, "to-inbox", 1));
        var workflowEvent = (await api.Services.GetRequiredService<WorkflowEventStore>().GetAsync(await EventRefAsync(api, run.EventId), Ct))!;

        // A redelivery after a crash between the copy and the run record runs the action again.
        var workflow = api.Store.Current.Config!.Workflows["to-inbox"];
        var again = await api.Services.GetRequiredService<WorkspaceCopy>().RunAsync(workflow, workflow.Actions[0].CopyToWorkspace!, workflowEvent, Ct);

        Assert.True(again.Succeeded);
        Assert.Equal($"copied 1 file(s) to {Inbox}: /incoming/once.txt", again.Detail);
        using var owner = await api.SignedInClientAsync(Owner);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/v1/workspaces/{Inbox}/files/incoming/once (2).txt", Ct)).StatusCode);
    }

    [Fact]
    public async Task Should_Copy_A_Workspace_File_Once_Without_The_Copy_Starting_The_Workflow_Again()
    {
        using var folder = CreateWithInbox(trigger: "WorkspaceFileUploaded");
        folder.Write("drafts.yaml", Workspace("drafts"));
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };
        using var owner = await api.SignedInClientAsync(Owner);

        var put = await owner.PutAsync("/v1/workspaces/drafts/files/plan.txt", new ByteArrayContent([4, 5, 6]), Ct);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));

        var run = Assert.Single(await WaitForFinishedRunsAsync(api, "to-inbox", 1));
        Assert.Equal(WorkflowRunState.Succeeded, run.State);
        Assert.Equal([4, 5, 6], await owner.GetByteArrayAsync($"/v1/workspaces/{Inbox}/files/incoming/plan.txt", Ct));
        // The copy into the inbox is a Workspace upload too, but a workflow's own copy starts no workflow.
        await Task.Delay(500, Ct);
        Assert.Single((await api.Services.GetRequiredService<IWorkflowRuns>().ListAsync("to-inbox", new WorkflowRunPageRequest(10), Ct)).Runs);
    }

    [Fact]
    public async Task Should_Offer_The_Workflow_Key_As_A_Device_Key_Of_Its_Owner_Until_The_Workflow_Goes()
    {
        using var folder = CreateWithInbox();
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };
        using var owner = await api.SignedInClientAsync(Owner);
        using var sender = await api.SignedInClientAsync(DropzoneTenant.Uploader);

        var mine = await WaitForAsync(async () => (await owner.GetFromJsonAsync<List<DeviceKeyResponse>>("/v1/device-keys", LocalApi.Json, Ct))!
            .SingleOrDefault(k => k.Workflow == "to-inbox"));
        Assert.StartsWith(WorkflowKey.DeviceKeyIdPrefix, mine.Id, StringComparison.Ordinal);
        var lookup = (await sender.GetFromJsonAsync<List<RecipientDeviceKeys>>($"/v1/device-keys/recipients?email={Owner}", LocalApi.Json, Ct))!;
        Assert.Contains(Assert.Single(lookup).Keys, k => k.Id == mine.Id && k.PublicKey == mine.PublicKey);
        // The private half is stored only wrapped under the KEK.
        var stored = (await api.Services.GetRequiredService<WorkflowKeyStore>().GetAsync("to-inbox", Ct))!;
        Assert.DoesNotContain("PRIVATE", stored.WrappedPrivateKey, StringComparison.Ordinal);

        var delete = await owner.DeleteAsync($"/v1/device-keys/{mine.Id}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("workflow-key-not-deletable", await delete.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        File.Delete(Path.Combine(folder.Path, "workflow-to-inbox.yaml"));
        await api.Store.WaitForAsync(s => s.Config is { } c && !c.Workflows.ContainsKey("to-inbox"), Ct);
        await WaitForAsync(async () => await api.Services.GetRequiredService<WorkflowKeyStore>().GetAsync("to-inbox", Ct) is null ? "gone" : null);
        Assert.DoesNotContain((await owner.GetFromJsonAsync<List<DeviceKeyResponse>>("/v1/device-keys", LocalApi.Json, Ct))!, k => k.Workflow is not null);
    }

    [Fact]
    public async Task Should_Spare_A_Fresh_Workflow_Key_From_A_Replica_On_An_Older_Configuration_Until_The_Grace_Ends()
    {
        using var folder = CreateWithInbox();
        await using var api = new LocalApi(folder.Path);
        var keyStore = api.Services.GetRequiredService<WorkflowKeyStore>();
        var made = await WaitForAsync(() => keyStore.GetAsync("to-inbox", Ct));
        // A replica that has not yet seen the configuration that brought the workflow into force.
        var olderConfig = api.Store.Current.Config! with { Workflows = new Dictionary<string, CompiledWorkflow>() };
        var clock = new FakeTimeProvider(made.CreatedAt.AddSeconds(5));
        var staleReplica = ActivatorUtilities.CreateInstance<WorkflowKeys>(
            api.Services, api.Services.GetRequiredKeyedService<IKeyValueCache>(CacheNames.Session), (TimeProvider)clock);

        var lookAgainIn = await staleReplica.ReconcileAsync(olderConfig, Ct);

        Assert.Equal(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(5), lookAgainIn);
        Assert.Equal(made.DeviceKeyId, (await keyStore.GetAsync("to-inbox", Ct))?.DeviceKeyId);

        // Two minutes on, a replica still without the workflow is right that it is gone.
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await staleReplica.ReconcileAsync(olderConfig, Ct));
        Assert.Null(await keyStore.GetAsync("to-inbox", Ct));
    }

    [Fact]
    public async Task Should_Hold_An_Event_Until_A_Configuration_Is_In_Force_Rather_Than_Drop_It()
    {
        using var folder = CreateWithInbox();
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };
        await UploadAsync(api, [("early.txt", [1])]);
        var run = Assert.Single(await WaitForFinishedRunsAsync(api, "to-inbox", 1));
        var reference = await EventRefAsync(api, run.EventId);
        // A replica that has not loaded its tenant yet, handed the same event.
        var starting = new Safedrop.Api.Configuration.TenantConfigStore();
        var engine = ActivatorUtilities.CreateInstance<Safedrop.Api.Workflows.Engine.WorkflowEngine>(api.Services, starting);

        var processing = engine.ProcessAsync(reference, Ct);
        await Task.Delay(300, Ct);
        Assert.False(processing.IsCompleted);

        starting.Publish(api.Store.Current);
        await processing.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        // Runs are idempotent: the event ran once already, so it is not run again.
        Assert.Single((await api.Services.GetRequiredService<IWorkflowRuns>().ListAsync("to-inbox", new WorkflowRunPageRequest(10), Ct)).Runs);
    }

    [Fact]
    public async Task Should_Ask_For_No_Workflow_Wrap_When_No_Reader_Copies_Packages()
    {
        using var folder = Create();
        AddWorkflow(folder, "just-mail", Owner, "DropzoneUploadReceived", "    - email: {}");
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };

        var sent = await UploadAsync(api, [("a.txt", [1])]);

        Assert.Empty(sent.Created.WrapFor);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(50, deadline.Token);
        }
    }

    private static async Task<WorkflowEventRef> EventRefAsync(LocalApi api, string eventId)
    {
        await foreach (var info in api.Services.GetRequiredService<IObjectStore>().ListAsync("workflows/events/", Ct))
        {
            if (info.Key.EndsWith($"/{eventId}.json", StringComparison.Ordinal)) return new WorkflowEventRef(eventId, info.Key.Split('/')[2]);
        }
        throw new InvalidOperationException($"event {eventId} is not recorded");
    }
}
