namespace Safedrop.Api.Workflows.Engine;

/// <summary>Exponential backoff with jitter, so many failing runs do not retry in lockstep against one receiver.</summary>
internal static class Backoff
{
    /// <summary>The wait after try <paramref name="attempt"/> (1-based): base·2^(attempt-1), capped, then scaled by a random 50–100 %.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // jitter is not a secret
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() / 2));
#pragma warning restore CA5394
    }
}
