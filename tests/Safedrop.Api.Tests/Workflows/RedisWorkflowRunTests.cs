using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Caches;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Tests.Packages;
using Safedrop.Api.Workflows;
using Safedrop.Api.Workflows.Events;
using Safedrop.Testing;
using static Safedrop.Api.Tests.Workflows.WorkflowTenant;

namespace Safedrop.Api.Tests.Workflows;

/// <summary>
/// The engine on the session cache's Redis (local mode with <c>Safedrop:SessionCache:ConnectionString</c>, as a cluster
/// runs it). Each test uses its own Redis database, so flushing it touches no other test sharing the server.
/// </summary>
public sealed class RedisWorkflowRunTests(RedisServer redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LocalApi Api(TenantFolder folder, int database, string processGrace = "00:15:00") => new(folder.Path)
    {
        Settings = new Dictionary<string, string?>(FastRetries)
        {
            ["Safedrop:SessionCache:ConnectionString"] = $"{redis.ConnectionString},defaultDatabase={database}",
            ["Safedrop:Workflows:ProcessGrace"] = processGrace,
        },
    };

    private async Task FlushAsync(int database)
    {
        await using var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        await admin.GetServer(admin.GetEndPoints()[0]).FlushDatabaseAsync(database);
    }

    private static async Task UploadToDropzoneAsync(LocalApi api)
    {
        using var client = await api.SignedInClientAsync(DropzoneTenant.Uploader);
        await PackageFlow.UploadAsync(client, DropzoneTenant.CreatePath, [("report.txt", PackageFlow.RandomBytes(100))]);
    }

    [Fact]
    public async Task Should_Run_The_Owners_Webhook_Through_The_Redis_Stream_When_Someone_Uploads_To_Their_Dropzone()
    {
        await using var receiver = new WebhookReceiver(Secret);
        using var folder = Create();
        AddWorkflow(folder, "owner-hook", Owner, "DropzoneUploadReceived", Webhook(receiver.Url));
        await using var api = Api(folder, database: 1);
        Assert.IsType<RedisWorkflowEventStream>(api.Services.GetRequiredService<IWorkflowEventStream>());

        await UploadToDropzoneAsync(api);

        var delivery = Assert.Single(await receiver.WaitForAcceptedAsync(1, Timeout));
        Assert.True(delivery.Verified);
        Assert.Contains("\"type\":\"DropzoneUploadReceived\"", delivery.Body, StringComparison.Ordinal);
        Assert.Equal(WorkflowRunState.Succeeded, Assert.Single(await WaitForFinishedRunsAsync(api, "owner-hook", 1)).State);
        var db = await ((RedisKeyValueCache)api.Services.GetRequiredKeyedService<IKeyValueCache>(CacheNames.Session)).GetDatabaseAsync();
        // Acknowledged once its runs are recorded (the upload emits events for other owners too): nothing stays pending.
        using var deadline = new CancellationTokenSource(Timeout);
        while ((await db.StreamPendingAsync(RedisWorkflowEventStream.DefaultKey, RedisWorkflowEventStream.Group)).PendingMessageCount > 0)
            await Task.Delay(20, deadline.Token);
    }

    [Fact]
    public async Task Should_Still_Run_A_Recorded_Event_When_Redis_Was_Flushed_And_The_Sweeper_Republishes_It()
    {
        await using var receiver = new WebhookReceiver(Secret);
        using var folder = Create();
        AddWorkflow(folder, "before", Owner, "DropzoneUploadReceived", Webhook(receiver.Url));
        AddWorkflow(folder, "swept", Owner, "PackageSent", Webhook(receiver.Url));
        await using var api = Api(folder, database: 2);
        // A first run proves the consumer group exists before Redis loses it.
        await UploadToDropzoneAsync(api);
        Assert.Single(await WaitForFinishedRunsAsync(api, "before", 1));
        var recorded = new WorkflowEvent(Guid.NewGuid().ToString("N"), Resources.Model.WorkflowTrigger.PackageSent,
            DateTimeOffset.UtcNow.AddMinutes(-5), Owner) { PackageId = "lost-in-redis" };
        // Recorded, as EmitAsync does first; then Redis is emptied (a restart without persistence) before the append.
        await api.Services.GetRequiredService<WorkflowEventStore>().SaveAsync(recorded, Ct);
        await FlushAsync(2);

        await api.Services.GetRequiredService<WorkflowEventSweeper>().SweepAsync(Ct);

        var deliveries = await receiver.WaitForAcceptedAsync(2, Timeout);
        Assert.Contains(deliveries, d => d.Body.Contains("lost-in-redis", StringComparison.Ordinal));
        Assert.Equal(WorkflowRunState.Succeeded, Assert.Single(await WaitForFinishedRunsAsync(api, "swept", 1)).State);
    }

    [Fact]
    public async Task Should_Run_A_Published_Event_When_Redis_Lost_It_Before_Any_Replica_Read_It()
    {
        await using var receiver = new WebhookReceiver(Secret);
        using var folder = Create();
        AddWorkflow(folder, "owner-hook", Owner, "DropzoneUploadReceived", Webhook(receiver.Url));
        await using var api = Api(folder, database: 3, processGrace: "00:00:00");
        var engine = api.Services.GetRequiredService<Safedrop.Api.Workflows.Engine.WorkflowEngine>();
        await engine.StopAsync(Ct);
        await UploadToDropzoneAsync(api);
        // Published (appended and marked) but never read: then Redis restarts without persistence.
        await FlushAsync(3);
        await engine.StartAsync(Ct);

        Assert.True(await api.Services.GetRequiredService<WorkflowEventSweeper>().SweepAsync(Ct) >= 1);

        Assert.Single(await receiver.WaitForAcceptedAsync(1, Timeout));
        Assert.Equal(WorkflowRunState.Succeeded, Assert.Single(await WaitForFinishedRunsAsync(api, "owner-hook", 1)).State);
    }
}
