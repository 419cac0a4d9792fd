using Safedrop.Client;

namespace Safedrop.Benchmarks;

/// <summary>
/// `memory`: the API's memory against file size on the streaming path (client ⇄ API ⇄ s3rver), one fresh API process
/// per size so peaks never mix. The bytes pass through the API, so its memory must not grow with the file.
/// </summary>
internal static class MemoryBenchmark
{
    public static async Task RunAsync(IReadOnlyList<int> sizesMiB, CancellationToken cancellationToken)
    {
        var options = new SafedropClientOptions();
        var s3 = await TransferBenchmark.StartS3Async();
        var rows = new List<(int SizeMiB, ProcessMemory Idle, double PeakResident, double PeakManaged, double ManagedAfter)>();
        try
        {
            foreach (var sizeMiB in sizesMiB)
            {
                var size = sizeMiB * TransferBenchmark.MiB;
                Report.Progress($"{sizeMiB} MiB: hashing the generated content");
                var expected = PseudoRandomContent.Sha256(size, SafedropTransfer.Seed);
                await using var api = await LocalApi.StartAsync(TransferBenchmark.StorageSettings(s3, direct: false), cancellationToken);
                var idle = api.Process.Memory();
                await using var sampler = MemorySampler.Start(api);
                await SafedropTransfer.RunAsync(api, size, expected, options, cancellationToken);
                await sampler.StopAsync();
                var managedAfter = await api.MetricAsync("dotnet_total_memory_bytes", cancellationToken) ?? 0;
                rows.Add((sizeMiB, idle, api.Process.Memory().PeakMiB, sampler.PeakManagedMiB, managedAfter / (1024 * 1024)));
            }
        }
        finally
        {
            await s3.DisposeAsync();
        }

        Report.Section("API memory against file size: streaming path (client -> API -> s3rver), upload + download, fresh API per size");
        Report.Figure("client parallelism (parts in flight)", options.Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var row in rows)
        {
            Report.Figure($"{row.SizeMiB} MiB: resident at start / peak (VmHWM)", $"{row.Idle.CurrentMiB:0} / {row.PeakResident:0} MiB");
            Report.Figure($"{row.SizeMiB} MiB: managed heap peak (sampled 4/s) / after", $"{row.PeakManaged:0} / {row.ManagedAfter:0} MiB");
        }

        if (rows.Count >= 2)
        {
            var (small, large) = (rows[0], rows[^1]);
            Report.Figure($"growth {large.SizeMiB} MiB vs {small.SizeMiB} MiB: peak resident (target ~1.0)", large.PeakResident / small.PeakResident, "0.00");
            Report.Figure($"growth {large.SizeMiB} MiB vs {small.SizeMiB} MiB: peak managed heap (target ~1.0)", large.PeakManaged / small.PeakManaged, "0.00");
        }

        Report.Note("every download was hashed (SHA-256, after its clock) and matched the generated content");
    }
}
