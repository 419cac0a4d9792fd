using System.Diagnostics;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Safedrop.Resources.Model;

namespace Safedrop.Benchmarks;

/// <summary>
/// `latency`: apply -> enforced. A Dropzone is patched through the Kubernetes API and the API (in
/// cluster mode, its own process) is polled until its /readyz names a new configuration revision:
/// watch, reconcile, snapshot write, the API's watch and swap, all in one figure.
/// </summary>
internal static partial class LatencyBenchmark
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BenchCluster bench, TenantLoad load, int samples, CancellationToken cancellationToken)
    {
        var started = await bench.StartApiAsync(cancellationToken);
        await using var api = started.Api;
        using var http = started.Http;
        var client = bench.Cluster.Client;
        var dropzone = TenantLoad.DropzoneName(0);
        var revision = await RevisionAsync(http, r => r is not null, cancellationToken);

        var latencies = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var current = await client.CustomObjects.GetNamespacedCustomObjectAsync<Dropzone>(
                Organization.Group, Organization.Version, load.Namespace, Dropzone.Plural, dropzone, cancellationToken);
            var toggle = new V1Patch(new { spec = new { senderDomainAccess = !current.Spec.SenderDomainAccess } }, V1Patch.PatchType.MergePatch);

            var sent = Stopwatch.GetTimestamp();
            var patched = await client.CustomObjects.PatchNamespacedCustomObjectAsync<Dropzone>(
                toggle, Organization.Group, Organization.Version, load.Namespace, Dropzone.Plural, dropzone, cancellationToken: cancellationToken);
            var previous = revision;
            revision = await RevisionAsync(http, r => r is not null && r != previous, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);

            // The next sample starts once the operator has also written this one's status, so samples do not overlap.
            await ObservedAsync(client, load.Namespace, dropzone, patched.Metadata.Generation!.Value, cancellationToken);
        }

        latencies.Sort();
        Report.Section("Apply -> enforced latency");
        Report.Figure("tenant", load.ToString());
        Report.Figure("samples", $"{samples}: merge patch of Dropzone {dropzone} (toggle senderDomainAccess), then GET /readyz of the API every {PollInterval.TotalMilliseconds:0} ms until the revision changes");
        Report.Figure("min", latencies[0], "0", "ms");
        Report.Figure("median", Percentile(latencies, 0.50), "0", "ms");
        Report.Figure("p95", Percentile(latencies, 0.95), "0", "ms");
        Report.Figure("max", latencies[^1], "0", "ms");
        var memory = api.Memory();
        Report.Figure("API memory: peak / current resident", $"{memory.PeakMiB:0} / {memory.CurrentMiB:0} MiB");
    }

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="fraction"/> of the samples at or below it.</summary>
    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Polls /readyz until the configuration revision it names satisfies <paramref name="wanted"/>.</summary>
    private static async Task<string> RevisionAsync(HttpClient http, Func<string?, bool> wanted, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        string? last = null;
        while (Stopwatch.GetElapsedTime(started) < Patience)
        {
            using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), cancellationToken);
            var match = Revision().Match(await response.Content.ReadAsStringAsync(cancellationToken));
            last = response.IsSuccessStatusCode && match.Success ? match.Groups[1].Value : null;
            if (wanted(last)) return last!;
            await Task.Delay(PollInterval, cancellationToken);
        }

        throw new TimeoutException($"The API's /readyz did not show the expected revision within {Patience.TotalSeconds:0} s (last: {last ?? "not ready"}).");
    }

    private static async Task ObservedAsync(Kubernetes client, string @namespace, string name, long generation, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < Patience)
        {
            var dropzone = await client.CustomObjects.GetNamespacedCustomObjectAsync<Dropzone>(
                Organization.Group, Organization.Version, @namespace, Dropzone.Plural, name, cancellationToken);
            if (dropzone.Status.ObservedGeneration == generation) return;
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        throw new TimeoutException($"Dropzone {name} did not report generation {generation} within {Patience.TotalSeconds:0} s.");
    }

    [GeneratedRegex("configuration revision ([0-9a-f]+)")]
    private static partial Regex Revision();
}
