using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Audit;
using Safedrop.Api.Caches;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Tests.Audit;

/// <summary>
/// One audit log's storage in a temporary folder, touched only through <see cref="IObjectStore"/> so every
/// test would hold over S3 too; audit logs ("replicas") started over it; a clock the test moves.
/// </summary>
internal sealed class AuditHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "safedrop-audit-" + Guid.NewGuid().ToString("N"));
    private readonly List<AuditLog> logs = [];

    public AuditHarness(IKeyValueCache? cache = null)
    {
        Cache = cache ?? new MemoryKeyValueCache(TimeProvider.System);
        Store = new AuditStore(NewObjectStore());
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public IKeyValueCache Cache { get; }

    /// <summary>The audit objects, for arranging and tampering the way anyone with bucket access could.</summary>
    public AuditStore Store { get; }

    public AuditOptions Options { get; } = new() { LockWaitTimeout = TimeSpan.FromSeconds(5) };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>An object store over the folder, as one replica has its own client.</summary>
    public HookedObjectStore NewObjectStore() => new(new FolderObjectStore(folder, Time));

    public async Task<AuditLog> StartLogAsync(IObjectStore? objectStore = null)
    {
        var log = new AuditLog(new AuditStore(objectStore ?? NewObjectStore()), new AuditAppendLock(Cache, Options),
            Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<AuditLog>.Instance);
        await log.StartAsync(Cancel);
        logs.Add(log);
        return log;
    }

    public Task<AuditVerification> VerifyAsync() =>
        new AuditVerifier(new AuditStore(NewObjectStore()), new AuditAppendLock(Cache, Options)).VerifyAsync(Cancel);

    /// <summary>Every stored record, in stored order.</summary>
    public async Task<List<AuditRecord>> ReadAllAsync()
    {
        var records = new List<AuditRecord>();
        foreach (var (_, key) in await Store.ListSegmentsAsync(Cancel))
            records.AddRange(await ReadSegmentAsync(key));
        return records;
    }

    public async Task<List<AuditRecord>> ReadSegmentAsync(string key)
    {
        var content = await Store.ReadSegmentAsync(key, Cancel) ?? throw new InvalidOperationException($"No segment {key}.");
        return AuditRecordFormat.Lines(content).Select(line => AuditRecordFormat.TryParse(line, out var record, out var problem)
            ? record! : throw new InvalidOperationException(problem)).ToList();
    }

    /// <summary>Writes a chain directly (segments of the given sizes, each followed by its head), as the log would.</summary>
    public async Task WriteChainAsync(params int[] segmentSizes)
    {
        foreach (var size in segmentSizes) await WriteSegmentAsync(size, updateHead: true);
    }

    /// <summary>Appends one segment after the last one; without its head update when a crash is simulated.</summary>
    public async Task<string> WriteSegmentAsync(int size, bool updateHead)
    {
        var segments = await Store.ListSegmentsAsync(Cancel);
        var head = AuditChainHead.Empty;
        if (segments.Count > 0)
        {
            var last = (await ReadSegmentAsync(segments[^1].Key))[^1];
            head = new AuditChainHead(last.Sequence, last.Hash, segments[^1].Key);
        }
        var records = new List<AuditRecord>();
        var previous = head.LastHash;
        for (var i = 1; i <= size; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            var record = AuditRecord.Create(head.LastSequence + i, Time.GetUtcNow(), Event(actor: $"user{head.LastSequence + i}@acme.example"), previous);
            records.Add(record);
            previous = record.Hash;
        }

        var key = AuditKeys.Segment(records[0].Sequence);
        await WriteLinesAsync(key, records.Select(r => Encoding.UTF8.GetString(AuditRecordFormat.ToLine(r)).TrimEnd('\n')));
        if (updateHead) await Store.WriteHeadAsync(new AuditChainHead(records[^1].Sequence, records[^1].Hash, key), Cancel);
        return key;
    }

    public async Task<List<string>> ReadLinesAsync(string key) =>
        AuditRecordFormat.Lines(await Store.ReadSegmentAsync(key, Cancel) ?? throw new InvalidOperationException($"No segment {key}.")).ToList();

    public Task WriteLinesAsync(string key, IEnumerable<string> lines) =>
        Store.WriteSegmentAsync(key, Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n"))), Cancel);

    public Task DeleteAsync(string key) => NewObjectStore().DeleteAsync(key, Cancel);

    public static AuditEvent Event(string action = "auth.pin.verify", string actor = "alice@acme.example", string? resource = null,
        AuditOutcome outcome = AuditOutcome.Succeeded) => new(action, actor, resource, outcome);

    public async ValueTask DisposeAsync()
    {
        foreach (var log in logs)
        {
            await log.StopAsync(CancellationToken.None);
            log.Dispose();
        }

        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
