using Safedrop.Api.Audit;
using Safedrop.Api.Caches;
using Safedrop.Api.Storage;
using Safedrop.Testing;

namespace Safedrop.Api.Tests.Audit;

public sealed class AuditLogTests(RedisServer redis)
{
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(5);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_ChainRecordsWithTimeAndEventFields_When_EventsAreRecorded()
    {
        await using var harness = new AuditHarness();
        var log = await harness.StartLogAsync();
        var details = new Dictionary<string, string> { ["rule"] = "ignored-by-name", ["attempts"] = "2" };

        await log.RecordAsync(new AuditEvent("package.open", "bob@acme.example", "package/p1", AuditOutcome.Denied, "SenderDomainAccess", details)
        {
            OnBehalfOf = "admin@acme.example",
            ClientAddress = "203.0.113.7",
        }, Cancel);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await log.RecordAsync(AuditHarness.Event(), Cancel);

        var records = await harness.ReadAllAsync();
        Assert.Equal([1L, 2L], records.Select(r => r.Sequence));
        var first = records[0];
        Assert.Equal(("package.open", "bob@acme.example", "package/p1", AuditOutcome.Denied, "SenderDomainAccess"), (first.Action, first.Actor, first.Resource, first.Outcome, first.Rule));
        Assert.Equal(details, first.Details);
        Assert.Equal(("admin@acme.example", "203.0.113.7"), (first.OnBehalfOf, first.ClientAddress));
        Assert.Equal(AuditHarness.Start, first.Time);
        Assert.Equal(AuditHarness.Start.AddMinutes(1), records[1].Time);
        Assert.Equal(AuditRecord.GenesisHash, first.PreviousHash);
        Assert.Equal(first.Hash, records[1].PreviousHash);
        Assert.Equal(new AuditChainHead(2, records[1].Hash, AuditKeys.Segment(2)), await harness.Store.ReadHeadAsync(Cancel));
        Assert.Equal(new AuditVerification(true, 2), await harness.VerifyAsync());
    }

    [Fact]
    public async Task Should_MakeEveryRecordDurableWithConsecutiveSequencesInFewSegments_When_ManyCallersRecordAtOnce()
    {
        await using var harness = new AuditHarness();
        var store = harness.NewObjectStore();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.BeforePut = _ => gate.Task;
        var log = await harness.StartLogAsync(store);

        // Every call is queued before the first write may finish: they can only be grouped.
        var calls = Enumerable.Range(1, 200).Select(i => log.RecordAsync(AuditHarness.Event(action: $"test.event{i}"), Cancel)).ToList();
        Assert.DoesNotContain(calls, call => call.IsCompleted);
        gate.SetResult();
        await Task.WhenAll(calls).WaitAsync(SignalTimeout, Cancel);

        var records = await harness.ReadAllAsync();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"test.event{i}").Order(), records.Select(r => r.Action).Order());
        Assert.InRange((await harness.Store.ListSegmentsAsync(Cancel)).Count, 1, 2);
        Assert.Equal(new AuditVerification(true, 200), await harness.VerifyAsync());
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("redis")]
    public async Task Should_ProduceOneUnbrokenChain_When_TwoReplicasAppendConcurrently(string lockCache)
    {
        await using var redisCache = lockCache == "redis" ? new RedisKeyValueCache(CacheNames.Session, redis.ConnectionString) : null;
        IKeyValueCache cache = redisCache is null ? new MemoryKeyValueCache(TimeProvider.System) : redisCache;
        await using var harness = new AuditHarness(cache);
        var replicaA = await harness.StartLogAsync();
        var replicaB = await harness.StartLogAsync();

        // Each replica gets bursts and single calls, interleaved with the other's.
        var calls = Enumerable.Range(1, 150).SelectMany(i => new[]
        {
            replicaA.RecordAsync(AuditHarness.Event(action: "replica.a", resource: $"n/{i}"), Cancel),
            replicaB.RecordAsync(AuditHarness.Event(action: "replica.b", resource: $"n/{i}"), Cancel),
        }).ToList();
        for (var i = 0; i < 20; i++) await replicaA.RecordAsync(AuditHarness.Event(action: "replica.a", resource: $"single/{i}"), Cancel);
        await Task.WhenAll(calls).WaitAsync(SignalTimeout * 4, Cancel);

        var records = await harness.ReadAllAsync();
        Assert.Equal(Enumerable.Range(1, 320).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(170, records.Count(r => r.Action == "replica.a"));
        Assert.Equal(150, records.Count(r => r.Action == "replica.b"));
        Assert.Equal(new AuditVerification(true, 320), await harness.VerifyAsync());
        Assert.Null(await cache.GetAsync(AuditAppendLock.Key, Cancel));
    }

    [Fact]
    public async Task Should_ThrowStorageUnavailableAndKeepTheChainValid_When_TheSegmentCannotBeWritten()
    {
        await using var harness = new AuditHarness();
        var store = harness.NewObjectStore();
        var log = await harness.StartLogAsync(store);
        await log.RecordAsync(AuditHarness.Event(), Cancel);

        store.BeforePut = key => key.StartsWith(AuditKeys.SegmentPrefix, StringComparison.Ordinal)
            ? throw new StorageUnavailableException("storage is down")
            : Task.CompletedTask;
        await Assert.ThrowsAsync<StorageUnavailableException>(() => log.RecordAsync(AuditHarness.Event(action: "lost.event"), Cancel));
        Assert.Equal(new AuditVerification(true, 1), await harness.VerifyAsync());

        store.BeforePut = null;
        await log.RecordAsync(AuditHarness.Event(action: "after.recovery"), Cancel);
        var records = await harness.ReadAllAsync();
        Assert.Equal([1L, 2L], records.Select(r => r.Sequence));
        Assert.DoesNotContain(records, r => r.Action == "lost.event");
        Assert.Equal(new AuditVerification(true, 2), await harness.VerifyAsync());
    }

    [Fact]
    public async Task Should_ThrowStorageUnavailable_When_TheStoreThrowsIOException()
    {
        await using var harness = new AuditHarness();
        var store = harness.NewObjectStore();
        store.BeforePut = _ => throw new IOException("disk full");
        var log = await harness.StartLogAsync(store);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => log.RecordAsync(AuditHarness.Event(), Cancel));
        Assert.Equal(new AuditVerification(true, 0), await harness.VerifyAsync());
    }

    [Fact]
    public async Task Should_RepairTheHead_When_AWriterStoppedBetweenSegmentAndHead()
    {
        await using var harness = new AuditHarness();
        var store = harness.NewObjectStore();
        var log = await harness.StartLogAsync(store);
        await log.RecordAsync(AuditHarness.Event(), Cancel);

        // The segment lands, the head update does not: what a crash between the two leaves behind.
        store.BeforePut = key => key == AuditKeys.Head ? throw new StorageUnavailableException("gone") : Task.CompletedTask;
        await log.RecordAsync(AuditHarness.Event(action: "durable.without.head"), Cancel);
        var found = await harness.VerifyAsync();
        Assert.Equal((false, 2L, AuditBreakReasons.HeadBehind), (found.Ok, found.FirstBrokenSequence!.Value, found.Reason));

        store.BeforePut = null;
        await log.RecordAsync(AuditHarness.Event(action: "after.repair"), Cancel);
        Assert.Equal(["auth.pin.verify", "durable.without.head", "after.repair"], (await harness.ReadAllAsync()).Select(r => r.Action));
        Assert.Equal(new AuditVerification(true, 3), await harness.VerifyAsync());
    }

    [Fact]
    public async Task Should_AdoptSegmentsWrittenByACrashedReplica_When_ANewReplicaAppends()
    {
        await using var harness = new AuditHarness();
        await harness.WriteChainAsync(2, 2);
        await harness.WriteSegmentAsync(3, updateHead: false);
        await harness.WriteSegmentAsync(1, updateHead: false);

        var log = await harness.StartLogAsync();
        await log.RecordAsync(AuditHarness.Event(action: "next"), Cancel);

        var records = await harness.ReadAllAsync();
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(new AuditChainHead(9, records[^1].Hash, AuditKeys.Segment(9)), await harness.Store.ReadHeadAsync(Cancel));
        Assert.Equal(new AuditVerification(true, 9), await harness.VerifyAsync());
    }

    [Fact]
    public async Task Should_RefuseToAppendAndKeepTheEvidence_When_ASegmentAfterTheHeadDoesNotChain()
    {
        await using var harness = new AuditHarness();
        await harness.WriteChainAsync(2);
        var orphan = await harness.WriteSegmentAsync(1, updateHead: false);
        var lines = await harness.ReadLinesAsync(orphan);
        await harness.WriteLinesAsync(orphan, [lines[0].Replace("user3@", "mallory@", StringComparison.Ordinal)]);

        var log = await harness.StartLogAsync();
        await Assert.ThrowsAsync<AuditChainException>(() => log.RecordAsync(AuditHarness.Event(), Cancel));

        Assert.Equal(lines[0].Replace("user3@", "mallory@", StringComparison.Ordinal), Assert.Single(await harness.ReadLinesAsync(orphan)));
    }

    [Fact]
    public async Task Should_AnswerStorageUnavailable_When_TheAppendLockStaysTaken()
    {
        await using var harness = new AuditHarness();
        harness.Options.LockWaitTimeout = TimeSpan.FromMilliseconds(200);
        await harness.Cache.SetIfAbsentAsync(AuditAppendLock.Key, "someone-else"u8.ToArray(), TimeSpan.FromMinutes(1), Cancel);
        var log = await harness.StartLogAsync();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => log.RecordAsync(AuditHarness.Event(), Cancel).WaitAsync(SignalTimeout, Cancel));
        Assert.Empty(await harness.Store.ListSegmentsAsync(Cancel));
    }

    [Fact]
    public async Task Should_RefuseNewEvents_When_TheLogHasStopped()
    {
        await using var harness = new AuditHarness();
        var log = await harness.StartLogAsync();
        await log.StopAsync(Cancel);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => log.RecordAsync(AuditHarness.Event(), Cancel));
    }
}
