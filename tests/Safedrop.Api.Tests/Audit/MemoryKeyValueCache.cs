using Safedrop.Api.Caches;

namespace Safedrop.Api.Tests.Audit;

/// <summary>
/// An in-memory <see cref="IKeyValueCache"/> for the audit tests, so they do not wait on the caches helper's
/// adapter. One instance shared by two audit logs stands for one session cache shared by two replicas.
/// </summary>
internal sealed class MemoryKeyValueCache(TimeProvider? time = null) : IKeyValueCache
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Dictionary<string, (byte[] Value, DateTimeOffset Expires)> entries = new(StringComparer.Ordinal);

    public Task SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        lock (entries) entries[key] = (value.ToArray(), clock.GetUtcNow() + timeToLive);
        return Task.CompletedTask;
    }

    public Task<bool> SetIfAbsentAsync(string key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        lock (entries)
        {
            if (Live(key) is not null) return Task.FromResult(false);
            entries[key] = (value.ToArray(), clock.GetUtcNow() + timeToLive);
            return Task.FromResult(true);
        }
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (entries) return Task.FromResult(Live(key)?.ToArray());
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (entries) return Task.FromResult(Live(key) is not null && entries.Remove(key));
    }

    public Task<bool> DeleteIfEqualAsync(string key, ReadOnlyMemory<byte> expected, CancellationToken cancellationToken)
    {
        lock (entries)
            return Task.FromResult(Live(key) is { } value && value.AsSpan().SequenceEqual(expected.Span) && entries.Remove(key));
    }

    public Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        lock (entries)
        {
            var current = Live(key) is { } value ? BitConverter.ToInt64(value) : 0;
            var expires = current == 0 ? clock.GetUtcNow() + window : entries[key].Expires;
            entries[key] = (BitConverter.GetBytes(current + 1), expires);
            return Task.FromResult(current + 1);
        }
    }

    public Task<bool> ExpireAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        lock (entries)
        {
            if (Live(key) is not { } value) return Task.FromResult(false);
            entries[key] = (value, clock.GetUtcNow() + timeToLive);
            return Task.FromResult(true);
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private byte[]? Live(string key)
    {
        if (!entries.TryGetValue(key, out var entry)) return null;
        if (entry.Expires > clock.GetUtcNow()) return entry.Value;
        entries.Remove(key);
        return null;
    }
}
