namespace Safedrop.Client;

public sealed class SafedropClientOptions
{
    /// <summary>Parts moved at once per transfer; each holds one pooled part buffer (about 4 MiB).</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>Upload URLs asked for per request.</summary>
    public int UrlBatchSize { get; set; } = 64;

    /// <summary>Tries per part (the first one included) before the transfer fails.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; doubled per retry, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Rounds of "complete, re-upload what it names as faulty" before giving up on a package.</summary>
    public int MaxCompleteRounds { get; set; } = 20;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Parallelism, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(UrlBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(UrlBatchSize, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCompleteRounds, 1);
    }
}
