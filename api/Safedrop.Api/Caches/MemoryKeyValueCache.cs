using System.Globalization;
using System.Text;

namespace Safedrop.Api.Caches;

/// <summary>
/// The cache in process memory (local mode: one process, nothing to share). One lock makes every operation
/// atomic, which is plenty for a developer's machine. Expiry follows <see cref="TimeProvider"/>, so tests can move time.
/// Counters are stored as ASCII decimal, as Redis stores them.
/// </summary>
public sealed class MemoryKeyValueCache(TimeProvider time) : IKeyValueCache
{
    private const int SweepEvery = 1024;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private int writesSinceSweep;

    public Task SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        lock (gate) Write(key, value.ToArray(), timeToLive);
        return Task.CompletedTask;
    }

    public Task<bool> SetIfAbsentAsync(string key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (Live(key) is not null) return Task.FromResult(false);
            Write(key, value.ToArray(), timeToLive);
            return Task.FromResult(true);
        }
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (gate) return Task.FromResult(Live(key)?.Value.ToArray());
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (gate) return Task.FromResult(Live(key) is not null && entries.Remove(key));
    }

    public Task<bool> DeleteIfEqualAsync(string key, ReadOnlyMemory<byte> expected, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var entry = Live(key);
            return Task.FromResult(entry is not null && entry.Value.AsSpan().SequenceEqual(expected.Span) && entries.Remove(key));
        }
    }

    public Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var entry = Live(key);
            if (entry is null)
            {
                Write(key, Encode(1), window);
                return Task.FromResult(1L);
            }

            if (!long.TryParse(Encoding.ASCII.GetString(entry.Value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var current))
                throw new InvalidOperationException($"Cache key {key} does not hold a counter.");
            // The window starts with the first increment and does not slide, as in Redis.
            entries[key] = entry with { Value = Encode(current + 1) };
            return Task.FromResult(current + 1);
        }
    }

    public Task<bool> ExpireAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var entry = Live(key);
            if (entry is null) return Task.FromResult(false);
            entries[key] = entry with { ExpiresAt = time.GetUtcNow() + timeToLive };
            return Task.FromResult(true);
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Entry? Live(string key)
    {
        if (!entries.TryGetValue(key, out var entry)) return null;
        if (entry.ExpiresAt > time.GetUtcNow()) return entry;
        entries.Remove(key);
        return null;
    }

    private void Write(string key, byte[] value, TimeSpan timeToLive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        entries[key] = new Entry(value, time.GetUtcNow() + timeToLive);
        if (++writesSinceSweep < SweepEvery) return;

        // Keys nobody reads again (old rate-limit counters) would otherwise stay forever.
        writesSinceSweep = 0;
        var now = time.GetUtcNow();
        foreach (var expired in entries.Where(e => e.Value.ExpiresAt <= now).Select(e => e.Key).ToList())
            entries.Remove(expired);
    }

    private static byte[] Encode(long value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));

    private sealed record Entry(byte[] Value, DateTimeOffset ExpiresAt);
}
