using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Caches;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Tests.Packages;
using Safedrop.Api.Workflows;
using Safedrop.Api.Workflows.Engine;
using Safedrop.Api.Workflows.Events;
using Safedrop.Resources.Model;
using Safedrop.Testing;
using static Safedrop.Api.Tests.Workflows.WorkflowTenant;

namespace Safedrop.Api.Tests.Workflows;

/// <summary>
/// The engine works on deliveries side by side: one user's receiver that keeps failing (retried with backoff for
/// minutes) or hangs does not hold back another user's workflows, on the in-process stream and on Redis; a delivery in
/// hand is never taken by another replica; stopping leaves a run in hand pending, and it runs again on the next start.
/// Each Redis test has its own database.
/// </summary>
public sealed class WorkflowEngineConcurrencyTests(RedisServer redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly (string, byte[])[] Files = [("report.txt", PackageFlow.RandomBytes(100))];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Long enough that nothing the test waits for could come from the stuck run finishing first.
    private const string Minutes = "00:10:00";

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public async Task Should_Deliver_Another_Users_Webhook_When_One_Users_Receiver_Keeps_Failing(int redisDatabase)
    {
        await using var stuck = new WebhookReceiver(Secret, failFirst: int.MaxValue);
        await using var healthy = new WebhookReceiver(Secret);
        using var folder = TwoUsers(stuck, healthy);
        // One action slot: a run waiting out its backoff must not be holding it.
        await using var api = Api(folder, redisDatabase, ("RetryBaseDelay", Minutes), ("RetryMaxDelay", Minutes), ("MaxConcurrentRuns", "1"));
        await UploadToOwnersDropzoneAsync(api);
        // The owner's run failed its first try and now waits minutes before the next one.
        await WaitForRunAsync(api, "owner-hook", WorkflowRunState.Retrying);

        var sent = await SendAsBystanderAsync(api);

        var delivery = Assert.Single(await healthy.WaitForAcceptedAsync(1, Timeout));
        Assert.Contains(sent.PackageId, delivery.Body, StringComparison.Ordinal);
        Assert.Equal(WorkflowRunState.Succeeded, Assert.Single(await WaitForFinishedRunsAsync(api, "carol-hook", 1)).State);
        Assert.Equal(WorkflowRunState.Retrying, Assert.Single(await RunsAsync(api, "owner-hook")).State);
        Assert.Equal([500], stuck.Deliveries.Select(d => d.Status));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task Should_Deliver_Another_Users_Webhook_When_One_Users_Receiver_Never_Answers(int redisDatabase)
    {
        await using var stuck = new WebhookReceiver(Secret, hang: true);
        await using var healthy = new WebhookReceiver(Secret);
        using var folder = TwoUsers(stuck, healthy);
        await using var api = Api(folder, redisDatabase, ("WebhookTimeout", Minutes));
        await UploadToOwnersDropzoneAsync(api);
        // The owner's webhook is in flight, unanswered, and may stay so for minutes.
        await stuck.WaitForDeliveriesAsync(1, Timeout);

        var sent = await SendAsBystanderAsync(api);

        var delivery = Assert.Single(await healthy.WaitForAcceptedAsync(1, Timeout));
        Assert.Contains(sent.PackageId, delivery.Body, StringComparison.Ordinal);
        Assert.Equal(WorkflowRunState.Running, Assert.Single(await RunsAsync(api, "owner-hook")).State);
        Assert.Single(stuck.Deliveries);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public async Task Should_Deliver_Another_Users_Webhook_When_One_User_Floods_A_Receiver_That_Never_Answers(int redisDatabase)
    {
        await using var stuck = new WebhookReceiver(Secret, hang: true);
        await using var healthy = new WebhookReceiver(Secret);
        using var folder = TwoUsers(stuck, healthy);
        // Four action slots and sixteen deliveries in hand: without owner shares, the flood would take every one of them.
        await using var api = Api(folder, redisDatabase, ("WebhookTimeout", Minutes), ("MaxConcurrentRuns", "4"));
        var flood = Enumerable.Range(0, 24).Select(i => new WorkflowEvent(
            $"flood-{i}-{Guid.NewGuid():N}", WorkflowTrigger.DropzoneUploadReceived, DateTimeOffset.UtcNow, Owner)
        {
            Dropzone = DropzoneTenant.Dropzone,
            Sender = DropzoneTenant.Uploader,
            FileNames = ["report.txt"],
        }).ToList();
        await api.Services.GetRequiredService<IWorkflowEvents>().EmitAsync(flood, Ct);
        await stuck.WaitForDeliveriesAsync(1, Timeout);

        var sent = await SendAsBystanderAsync(api);

        var delivery = Assert.Single(await healthy.WaitForAcceptedAsync(1, Timeout));
        Assert.Contains(sent.PackageId, delivery.Body, StringComparison.Ordinal);
        // The owner's actions hold at most a quarter of the slots: one webhook in flight; the rest of the flood waits its turn.
        Assert.Single(stuck.Deliveries);
    }

    [Fact]
    public async Task Should_Leave_The_Delivery_Pending_And_Run_It_On_Restart_When_The_Engine_Stops_During_A_Retry()
    {
        await using var receiver = new WebhookReceiver(Secret, failFirst: 1);
        using var folder = Create();
        AddWorkflow(folder, "owner-hook", Owner, "DropzoneUploadReceived", Webhook(receiver.Url));
        // A second ClaimIdle: after the restart, the delivery left pending is claimed back at once.
        await using var api = Api(folder, redisDatabase: 6, ("RetryBaseDelay", Minutes), ("RetryMaxDelay", Minutes), ("ClaimIdle", "00:00:01"));
        await UploadToOwnersDropzoneAsync(api);
        await WaitForRunAsync(api, "owner-hook", WorkflowRunState.Retrying);
        // The upload's other events (no workflows) are acknowledged; the owner's stays pending while its run waits.
        await WaitForPendingAsync(api, 1);
        var engine = api.Services.GetRequiredService<WorkflowEngine>();

        await engine.StopAsync(Ct);

        Assert.Equal(1, await PendingAsync(api));
        await engine.StartAsync(Ct);
        Assert.Single(await receiver.WaitForAcceptedAsync(1, Timeout));
        await WaitForPendingAsync(api, 0);
        var runs = await RunsAsync(api, "owner-hook");
        Assert.Contains(runs, r => r.State == WorkflowRunState.Succeeded);
        Assert.Equal([500, 204], receiver.Deliveries.Select(d => d.Status));
    }

    [Fact]
    public async Task Should_Keep_Another_Replica_From_Claiming_A_Delivery_While_Its_Run_Waits_Between_Tries()
    {
        const int database = 7;
        await using var receiver = new WebhookReceiver(Secret, failFirst: int.MaxValue);
        using var folder = Create();
        AddWorkflow(folder, "owner-hook", Owner, "DropzoneUploadReceived", Webhook(receiver.Url));
        await using var api = Api(folder, database, ("RetryBaseDelay", Minutes), ("RetryMaxDelay", Minutes), ("ClaimIdle", "00:00:01"));
        await UploadToOwnersDropzoneAsync(api);
        var waiting = await WaitForRunAsync(api, "owner-hook", WorkflowRunState.Retrying);
        // A second replica, reading the same stream, that takes over deliveries idle for a ClaimIdle.
        var otherReplica = new RedisWorkflowEventStream(
            new RedisKeyValueCache(CacheNames.Session, $"{redis.ConnectionString},defaultDatabase={database}"),
            Microsoft.Extensions.Options.Options.Create(new WorkflowEngineOptions { ClaimIdle = TimeSpan.FromSeconds(1), ReadWait = TimeSpan.Zero }),
            TimeProvider.System);

        var taken = new List<string>();
        for (var started = DateTimeOffset.UtcNow; DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(3.5); await Task.Delay(100, Ct))
            taken.AddRange((await otherReplica.ReadAsync("other-replica", 10, Ct)).Select(d => d.Event.Id));

        Assert.DoesNotContain(waiting.EventId, taken);
        Assert.Equal(WorkflowRunState.Retrying, Assert.Single(await RunsAsync(api, "owner-hook")).State);
        Assert.Single(receiver.Deliveries);
    }

    /// <param name="redisDatabase">0: the in-process stream; otherwise the Redis database the stream lives in.</param>
    private LocalApi Api(TenantFolder folder, int redisDatabase, params (string Name, string Value)[] engine)
    {
        var settings = new Dictionary<string, string?>(FastRetries);
        if (redisDatabase > 0) settings["Safedrop:SessionCache:ConnectionString"] = $"{redis.ConnectionString},defaultDatabase={redisDatabase}";
        foreach (var (name, value) in engine) settings["Safedrop:Workflows:" + name] = value;
        return new LocalApi(folder.Path) { Settings = settings };
    }

    /// <summary>The owner's workflow on Dropzone uploads goes to <paramref name="stuck"/>; carol's on packages she sends to <paramref name="healthy"/>.</summary>
    private static TenantFolder TwoUsers(WebhookReceiver stuck, WebhookReceiver healthy)
    {
        var folder = Create();
        AddWorkflow(folder, "owner-hook", Owner, "DropzoneUploadReceived", Webhook(stuck.Url));
        AddWorkflow(folder, "carol-hook", Bystander, "PackageSent", Webhook(healthy.Url));
        return folder;
    }

    private static async Task UploadToOwnersDropzoneAsync(LocalApi api)
    {
        using var client = await api.SignedInClientAsync(DropzoneTenant.Uploader);
        await PackageFlow.UploadAsync(client, DropzoneTenant.CreatePath, Files);
    }

    private static async Task<PackageFlow.Sent> SendAsBystanderAsync(LocalApi api)
    {
        using var carol = await api.SignedInClientAsync(Bystander);
        return await PackageFlow.UploadAsync(carol, "/v1/packages", Files, recipients: [DropzoneTenant.Member]);
    }

    private static async Task<IReadOnlyList<WorkflowRun>> RunsAsync(LocalApi api, string workflow) =>
        (await api.Services.GetRequiredService<IWorkflowRuns>().ListAsync(workflow, new WorkflowRunPageRequest(50), Ct)).Runs;

    private static async Task<WorkflowRun> WaitForRunAsync(LocalApi api, string workflow, WorkflowRunState state)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(Timeout);
        while (true)
        {
            if ((await RunsAsync(api, workflow)).FirstOrDefault(r => r.State == state) is { } run) return run;
            await Task.Delay(20, deadline.Token);
        }
    }

    private static async Task<long> PendingAsync(LocalApi api)
    {
        var db = await ((RedisKeyValueCache)api.Services.GetRequiredKeyedService<IKeyValueCache>(CacheNames.Session)).GetDatabaseAsync();
        return (await db.StreamPendingAsync(RedisWorkflowEventStream.DefaultKey, RedisWorkflowEventStream.Group)).PendingMessageCount;
    }

    private static async Task WaitForPendingAsync(LocalApi api, long count)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(Timeout);
        while (await PendingAsync(api) != count) await Task.Delay(20, deadline.Token);
    }
}
