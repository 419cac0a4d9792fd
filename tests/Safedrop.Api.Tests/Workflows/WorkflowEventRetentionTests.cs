using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Storage;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Tests.Packages;
using Safedrop.Api.Workflows;
using Safedrop.Api.Workflows.Events;
using Safedrop.Resources.Model;
using Safedrop.Testing;
using static Safedrop.Api.Tests.Workflows.WorkflowTenant;

namespace Safedrop.Api.Tests.Workflows;

/// <summary>
/// Recorded events and their published/processed markers go once processed and older than the retention (7 days by
/// default); the runs stay, and so does an event that never ran.
/// </summary>
public sealed class WorkflowEventRetentionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string[] EventPrefixes = ["workflows/events/", "workflows/published/", "workflows/processed/"];

    [Fact]
    public async Task Should_Delete_The_Processed_Events_And_Their_Markers_But_Keep_The_Runs_When_The_Retention_Has_Passed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var receiver = new WebhookReceiver(Secret);
        using var folder = Create();
        AddWorkflow(folder, "owner-hook", Owner, "DropzoneUploadReceived", Webhook(receiver.Url));
        await using var api = new LocalApi(folder.Path)
        {
            Settings = FastRetries,
            ConfigureTestServices = s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)),
        };
        using (var uploader = await api.SignedInClientAsync(DropzoneTenant.Uploader))
            await PackageFlow.UploadAsync(uploader, DropzoneTenant.CreatePath, [("report.txt", PackageFlow.RandomBytes(100))]);
        var run = Assert.Single(await WaitForFinishedRunsAsync(api, "owner-hook", 1));
        // Every event of the upload (one per owner and trigger) recorded, published and processed: three objects each.
        var recorded = await WaitForProcessedAsync(api);
        var retention = api.Services.GetRequiredService<WorkflowEventRetention>();

        time.Advance(TimeSpan.FromDays(6));
        await retention.PurgeAsync(Ct);
        Assert.Equal(recorded, await EventObjectsAsync(api));
        Assert.Single(await ObjectsAsync(api, "workflows/keys/"));

        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(2));
        await retention.PurgeAsync(Ct);

        Assert.Empty(await EventObjectsAsync(api));
        // The run's idempotency key went with its event: nothing can deliver that event again.
        Assert.Empty(await ObjectsAsync(api, "workflows/keys/"));
        var runs = await api.Services.GetRequiredService<IWorkflowRuns>().ListAsync("owner-hook", new WorkflowRunPageRequest(10), Ct);
        Assert.Equal((run.Id, WorkflowRunState.Succeeded), (Assert.Single(runs.Runs).Id, runs.Runs[0].State));
        Assert.Single(receiver.Deliveries);
    }

    [Fact]
    public async Task Should_Keep_An_Event_That_Never_Ran_And_A_Recent_One_When_Purging_Old_Processed_Events()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path) { Settings = FastRetries };
        var store = api.Services.GetRequiredService<WorkflowEventStore>();
        var now = DateTimeOffset.UtcNow;
        // Recorded as the emitter and the engine would have, with timestamps of the past.
        var old = await RecordAsync(store, now.AddDays(-8), published: true, processed: true);
        var neverRan = await RecordAsync(store, now.AddDays(-10), published: true, processed: false);
        var recent = await RecordAsync(store, now.AddDays(-2), published: true, processed: true);

        await api.Services.GetRequiredService<WorkflowEventRetention>().PurgeAsync(Ct);

        var left = await EventObjectsAsync(api);
        Assert.DoesNotContain(left, key => key.Contains(old.Id, StringComparison.Ordinal));
        Assert.Equal(2, left.Count(key => key.Contains(neverRan.Id, StringComparison.Ordinal)));
        Assert.Equal(3, left.Count(key => key.Contains(recent.Id, StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_Refuse_To_Start_When_The_Event_Retention_Is_Not_Longer_Than_The_Sweep_Lookback()
    {
        using var folder = Create();
        using var api = new LocalApi(folder.Path)
        {
            Settings = new Dictionary<string, string?> { ["Safedrop:Workflows:EventRetention"] = "1.00:00:00", ["Safedrop:Workflows:SweepLookback"] = "1.00:00:00" },
        };

        var error = Assert.ThrowsAny<Exception>(() => api.Services);

        Assert.Contains("EventRetention", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<WorkflowEvent> RecordAsync(WorkflowEventStore store, DateTimeOffset occurredAt, bool published, bool processed)
    {
        var recorded = new WorkflowEvent(Guid.NewGuid().ToString("N"), WorkflowTrigger.PackageSent, occurredAt, Bystander) { PackageId = "p-" + Guid.NewGuid().ToString("N") };
        await store.SaveAsync(recorded, Ct);
        var reference = new WorkflowEventRef(recorded.Id, occurredAt.UtcDateTime.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture));
        if (published) await store.MarkPublishedAsync(reference, Ct);
        if (processed) await store.MarkProcessedAsync(reference, Ct);
        return recorded;
    }

    /// <summary>Keys of recorded events and their markers.</summary>
    private static async Task<List<string>> EventObjectsAsync(LocalApi api)
    {
        var store = api.Services.GetRequiredService<IObjectStore>();
        var keys = new List<string>();
        foreach (var prefix in EventPrefixes)
            await foreach (var info in store.ListAsync(prefix, Ct)) keys.Add(info.Key);
        return keys;
    }

    private static async Task<List<string>> ObjectsAsync(LocalApi api, string prefix)
    {
        var keys = new List<string>();
        await foreach (var info in api.Services.GetRequiredService<IObjectStore>().ListAsync(prefix, Ct)) keys.Add(info.Key);
        return keys;
    }

    private static async Task<List<string>> WaitForProcessedAsync(LocalApi api)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(Timeout);
        while (true)
        {
            var keys = await EventObjectsAsync(api);
            var events = keys.Count(k => k.StartsWith(EventPrefixes[0], StringComparison.Ordinal));
            if (events > 0 && keys.Count == 3 * events) return keys;
            await Task.Delay(20, deadline.Token);
        }
    }
}
