namespace Safedrop.Operator.Runtime.Queue;

/// <summary>Decides how long a key waits before it is retried (client-go's workqueue.RateLimiter).</summary>
public interface IRateLimiter<in TKey>
{
    /// <summary>The delay before the key's next attempt; counts a failure.</summary>
    TimeSpan NextDelay(TKey key);

    /// <summary>The key succeeded: start its backoff over.</summary>
    void Forget(TKey key);

    int Failures(TKey key);
}

/// <summary>Per-key exponential backoff: base·2^failures, capped at a ceiling.</summary>
public sealed class ExponentialBackoffLimiter<TKey>(TimeSpan baseDelay, TimeSpan maxDelay) : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> failures = [];
    private readonly Lock gate = new();

    public TimeSpan NextDelay(TKey key)
    {
        lock (gate)
        {
            var count = failures.GetValueOrDefault(key);
            failures[key] = count + 1;
            // 2^count overflows long before it matters; cap the exponent instead of the product.
            var factor = Math.Pow(2, Math.Min(count, 62));
            var ticks = baseDelay.Ticks * factor;
            return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
        }
    }

    public void Forget(TKey key)
    {
        lock (gate) failures.Remove(key);
    }

    public int Failures(TKey key)
    {
        lock (gate) return failures.GetValueOrDefault(key);
    }
}

/// <summary>A global token bucket: bursts up to <c>burst</c>, then <c>perSecond</c> retries a second across all keys.</summary>
public sealed class TokenBucketLimiter<TKey>(double perSecond, int burst, TimeProvider time) : IRateLimiter<TKey>
{
    private readonly Lock gate = new();
    private double tokens = burst;
    private long lastRefill = time.GetTimestamp();

    public TimeSpan NextDelay(TKey key)
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(burst, tokens + time.GetElapsedTime(lastRefill, now).TotalSeconds * perSecond);
            lastRefill = now;
            tokens -= 1; // reserve a token; a negative balance is the wait
            return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / perSecond);
        }
    }

    public void Forget(TKey key)
    {
    }

    public int Failures(TKey key) => 0;
}

/// <summary>The longest delay of several limiters (client-go's MaxOfRateLimiter).</summary>
public sealed class MaxOfLimiter<TKey>(params IRateLimiter<TKey>[] limiters) : IRateLimiter<TKey>
    where TKey : notnull
{
    public TimeSpan NextDelay(TKey key) => limiters.Select(l => l.NextDelay(key)).Max();

    public void Forget(TKey key)
    {
        foreach (var limiter in limiters) limiter.Forget(key);
    }

    public int Failures(TKey key) => limiters.Max(l => l.Failures(key));
}

public static class RateLimiters
{
    /// <summary>controller-runtime's default: 5 ms·2^n per key up to the ceiling, and 10 retries/s (burst 100) overall.</summary>
    public static MaxOfLimiter<TKey> Default<TKey>(TimeProvider time, TimeSpan? ceiling = null) where TKey : notnull => new(
        new ExponentialBackoffLimiter<TKey>(TimeSpan.FromMilliseconds(5), ceiling ?? TimeSpan.FromMinutes(16)),
        new TokenBucketLimiter<TKey>(10, 100, time));
}
