using System.Text.Json;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Audit;

/// <summary>
/// The audit log's objects in the object store: the head and the segments. Every failure to read or write
/// surfaces as <see cref="StorageUnavailableException"/> (whatever the adapter threw), so callers answer 503.
/// </summary>
public sealed class AuditStore(IObjectStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AuditChainHead?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(AuditKeys.Head, cancellationToken);
        if (bytes is null) return null;
        try
        {
            return JsonSerializer.Deserialize<AuditChainHead>(bytes, Json) ?? throw new JsonException("The head is null.");
        }
        catch (JsonException e)
        {
            throw new AuditChainException($"{AuditKeys.Head} is not a chain head: {e.Message}", e);
        }
    }

    public Task WriteHeadAsync(AuditChainHead head, CancellationToken cancellationToken) =>
        WriteAsync(AuditKeys.Head, JsonSerializer.SerializeToUtf8Bytes(head, Json), cancellationToken);

    public Task WriteSegmentAsync(string key, byte[] content, CancellationToken cancellationToken) =>
        WriteAsync(key, content, cancellationToken);

    /// <summary>A segment's raw content; null when there is none at that key.</summary>
    public Task<byte[]?> ReadSegmentAsync(string key, CancellationToken cancellationToken) => ReadAsync(key, cancellationToken);

    /// <summary>Every segment's first sequence and key, in sequence order.</summary>
    public async Task<IReadOnlyList<(long FirstSequence, string Key)>> ListSegmentsAsync(CancellationToken cancellationToken)
    {
        var segments = new List<(long, string)>();
        try
        {
            await foreach (var info in store.ListAsync(AuditKeys.SegmentPrefix, cancellationToken))
            {
                if (AuditKeys.TryParseSegment(info.Key, out var first)) segments.Add((first, info.Key));
            }
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw Unavailable("list the audit segments", e);
        }

        segments.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return segments;
    }

    private async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await store.OpenReadAsync(key, cancellationToken);
            if (stream is null) return null;
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw Unavailable($"read {key}", e);
        }
    }

    private async Task WriteAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            await store.PutAsync(key, stream, content.Length, cancellationToken);
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw Unavailable($"write {key}", e);
        }
    }

    // The contract says adapters throw StorageUnavailableException; a folder can still throw IOException.
    private static bool IsStorageFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or TimeoutException;

    private static StorageUnavailableException Unavailable(string what, Exception e) =>
        e as StorageUnavailableException ?? new StorageUnavailableException($"Could not {what} in object storage: {e.Message}", e);
}
