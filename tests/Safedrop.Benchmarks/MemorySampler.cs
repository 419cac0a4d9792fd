namespace Safedrop.Benchmarks;

/// <summary>
/// Samples a <see cref="LocalApi"/>'s resident set (/proc) and managed heap (its /metrics, dotnet_total_memory_bytes)
/// every 250 ms while a run goes on, keeping the highest of each. VmHWM gives the true resident peak; the managed
/// heap only has samples, so its peak is a lower bound.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly LocalApi api;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    private MemorySampler(LocalApi api)
    {
        this.api = api;
        sampling = SampleAsync(stop.Token);
    }

    public double PeakManagedMiB { get; private set; }

    public double PeakResidentSampledMiB { get; private set; }

    public static MemorySampler Start(LocalApi api) => new(api);

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await sampling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            PeakResidentSampledMiB = Math.Max(PeakResidentSampledMiB, api.Process.Memory().CurrentMiB);
            if (await api.MetricAsync("dotnet_total_memory_bytes", cancellationToken) is { } managed)
                PeakManagedMiB = Math.Max(PeakManagedMiB, managed / (1024 * 1024));
        }
    }
}
