using Safedrop.Api.Caches;

namespace Safedrop.Api.Identity;

/// <summary>
/// Fixed-window counters in the session cache, shared by all replicas. The window index is part of the key,
/// so the time left in the window (Retry-After) follows from the clock without reading the key's TTL.
/// A fixed window lets a burst of twice the limit through at a boundary, which is fine for these limits.
/// </summary>
public sealed class RequestRateLimiter([FromKeyedServices(CacheNames.Session)] IKeyValueCache cache, TimeProvider time)
{
    /// <summary>Counts one request; null when within <paramref name="limit"/>, else how long until the window ends.</summary>
    public async Task<TimeSpan?> TryAcquireAsync(string bucket, string subject, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var windowMs = (long)window.TotalMilliseconds;
        var index = now.ToUnixTimeMilliseconds() / windowMs;
        var windowEnd = DateTimeOffset.FromUnixTimeMilliseconds((index + 1) * windowMs);
        // The subject (an address or IP) is hashed so that cache keys hold no personal data in clear.
        var key = $"rate:{bucket}:{IdentityHashes.Hex(System.Text.Encoding.UTF8.GetBytes(subject))}:{index}";
        var count = await cache.IncrementAsync(key, windowEnd - now + TimeSpan.FromSeconds(1), cancellationToken);
        return count <= limit ? null : windowEnd - now;
    }
}
