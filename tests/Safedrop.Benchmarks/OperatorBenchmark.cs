using System.Diagnostics;
using System.Text;
using k8s;
using Safedrop.Testing.FakeKube.Log;

namespace Safedrop.Benchmarks;

/// <summary>
/// `operator`: the tenant applied at once; seconds until every resource reports Ready for its
/// generation, the API requests the operator made for that, the writes of a second pass with
/// nothing changed (target 0), and the operator's memory.
/// </summary>
internal static class OperatorBenchmark
{
    public const int Parallelism = 16;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(2);

    /// <returns>Whether every resource reported Ready within <paramref name="limit"/>.</returns>
    public static async Task<bool> ConvergeAsync(BenchCluster bench, TenantLoad load, TimeSpan limit, CancellationToken cancellationToken)
    {
        var client = bench.Cluster.Client;
        Report.Section($"Operator at scale ({(bench.Cluster.IsReal ? "real cluster" : "fake API server")})");
        Report.Figure("tenant", load.ToString());
        Report.Figure("operator", $"child process `run`, {BenchCluster.Workers} workers, resync {BenchCluster.ResyncPeriod.TotalSeconds:0} s, "
            + $"leader election off, {(BenchCluster.OperatorUsesServerGc() ? "server" : "workstation")} GC, {Environment.ProcessorCount} cores shared with the fake and this poller");
        if (bench.Kubelet is not null)
            Report.Note("the fake runs no pods: a stand-in kubelet in the benchmark marks the operator's Deployments/StatefulSets ready (status patch), so the Organization can become Ready");

        var before = await MetricsScrape.ReadAsync(bench.OperatorHttp, cancellationToken);
        var mark = bench.Cluster.Fake?.Requests.Mark();
        var started = Stopwatch.GetTimestamp();
        await load.ApplyAsync(client, Parallelism, cancellationToken);
        Report.Figure($"creates ({Parallelism} at a time)", Stopwatch.GetElapsedTime(started).TotalSeconds, "0.0", "s");

        var notReady = await WaitUntilReadyAsync(load, client, started, limit, cancellationToken);
        var converged = Stopwatch.GetElapsedTime(started);
        var spent = (await MetricsScrape.ReadAsync(bench.OperatorHttp, cancellationToken)).Since(before);
        if (notReady is not null)
        {
            Report.Figure("first create -> all Ready", $"NOT CONVERGED after {limit.TotalSeconds:0} s: {notReady}");
            Report.Figure("reconciles so far", $"{Report.Count(spent.ReconcileTotal)} ({Results(spent)})");
            return false;
        }

        var resources = load.Resources.Count;
        Report.Figure($"first create -> all {Report.Count(resources)} Ready (observedGeneration)", converged.TotalSeconds, "0.0", "s");
        Report.Figure("reconciles until converged", $"{Report.Count(spent.ReconcileTotal)} ({Results(spent)})");
        Report.Figure("operator API requests until converged (its /metrics)", $"{Report.Count(spent.TotalRequests)} = {spent.TotalRequests / resources:0.00} per resource");
        foreach (var (verb, count) in spent.ByVerb)
            Report.Figure($"  {verb}", $"{Report.Count(count)} = {count / resources:0.00} per resource");
        Report.Figure("  of which failed (non-2xx)", Report.Count(spent.Failed));
        if (mark is { } m)
        {
            Report.Figure("requests served to the operator (fake's log)", Verbs(bench.OperatorRequestsSince(m)));
            Report.Figure("operator writes by target (fake's log)", Targets(bench.OperatorRequestsSince(m).Where(r => r.IsWrite)));
        }

        var snapshot = await client.CoreV1.ReadNamespacedConfigMapAsync(TenantLoad.SnapshotConfigMap, load.Namespace, cancellationToken: cancellationToken);
        var bytes = (snapshot.Data?.Values.Sum(v => Encoding.UTF8.GetByteCount(v)) ?? 0)
            + (snapshot.BinaryData?.Values.Sum(v => (v.Length + 2) / 3 * 4) ?? 0); // binaryData travels as base64
        Report.Figure("snapshot ConfigMap data", bytes / 1024.0, "#,0", "KiB (a real API server refuses ConfigMaps over 1 MiB)");
        return true;
    }

    /// <summary>Lists every ~250 ms until all resources are Ready; returns null then, or the readiness at the time limit.</summary>
    private static async Task<Readiness?> WaitUntilReadyAsync(TenantLoad load, Kubernetes client, long started, TimeSpan limit, CancellationToken cancellationToken)
    {
        var lastProgress = Stopwatch.GetTimestamp();
        while (true)
        {
            var readiness = await load.ReadAsync(client, cancellationToken);
            if (readiness.Ready == readiness.Total && readiness.Total == load.Resources.Count) return null;
            if (Stopwatch.GetElapsedTime(started) > limit) return readiness;
            if (Stopwatch.GetElapsedTime(lastProgress) > TimeSpan.FromSeconds(5))
            {
                Report.Progress($"{Stopwatch.GetElapsedTime(started).TotalSeconds:0} s: {readiness}");
                lastProgress = Stopwatch.GetTimestamp();
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Once the operator is quiet, counts the writes of the resync passes over the converged tenant
    /// during at least two resync periods and two reconciles; then reads its memory.
    /// </summary>
    public static async Task SecondPassAsync(BenchCluster bench, CancellationToken cancellationToken)
    {
        await QuietAsync(bench, cancellationToken);
        var mark = bench.Cluster.Fake?.Requests.Mark();
        var before = await MetricsScrape.ReadAsync(bench.OperatorHttp, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        MetricsScrape window;
        do
        {
            await Task.Delay(PollInterval, cancellationToken);
            window = (await MetricsScrape.ReadAsync(bench.OperatorHttp, cancellationToken)).Since(before);
        }
        while (Stopwatch.GetElapsedTime(started) < 2 * BenchCluster.ResyncPeriod || window.ReconcileTotal < 2);

        Report.Section("Second pass, nothing changed (resync)");
        Report.Figure("window", $"{Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s, {Report.Count(window.ReconcileTotal)} reconciles ({Results(window)})");
        if (mark is { } m)
        {
            var writes = bench.OperatorRequestsSince(m).Where(r => r.IsWrite).ToList();
            Report.Figure("writes served to the operator (fake's request log)", writes.Count == 0 ? "0" : $"{writes.Count}: {Targets(writes)}");
        }

        Report.Figure("writes the operator counted (POST/PUT/PATCH/DELETE)", Report.Count(window.Writes));
        Report.Figure("requests the operator counted", Verbs(window));
        if (mark is { } served) Report.Figure("requests served to the operator (fake's log)", Verbs(bench.OperatorRequestsSince(served)));

        var memory = bench.Operator.Memory();
        Report.Section("Operator memory");
        Report.Figure("peak resident (VmHWM)", memory.PeakMiB, "0", "MiB");
        Report.Figure("current resident (VmRSS)", memory.CurrentMiB, "0", "MiB");
    }

    /// <summary>Waits until the operator has made no write for a while, so its caches hold the echoes of its own writes.</summary>
    private static async Task QuietAsync(BenchCluster bench, CancellationToken cancellationToken)
    {
        var writes = (await MetricsScrape.ReadAsync(bench.OperatorHttp, cancellationToken)).Writes;
        var quietSince = Stopwatch.GetTimestamp();
        var started = quietSince;
        while (Stopwatch.GetElapsedTime(quietSince) < QuietPeriod)
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(1))
                throw new TimeoutException("The operator kept writing for a minute after every resource was Ready.");
            await Task.Delay(PollInterval, cancellationToken);
            var now = (await MetricsScrape.ReadAsync(bench.OperatorHttp, cancellationToken)).Writes;
            if (now == writes) continue;
            writes = now;
            quietSince = Stopwatch.GetTimestamp();
        }
    }

    private static string Results(MetricsScrape metrics) =>
        string.Join(", ", metrics.Reconciles.Where(r => r.Value > 0).Select(r => $"{r.Key} {Report.Count(r.Value)}"));

    private static string Verbs(MetricsScrape metrics) =>
        Listing(metrics.ByVerb.Where(v => v.Count > 0).Select(v => $"{v.Verb} {Report.Count(v.Count)}"));

    /// <summary>Requests by Kubernetes verb (list, watch, get, create, patch, ...), most first.</summary>
    private static string Verbs(IEnumerable<RecordedRequest> requests) =>
        Listing(requests.GroupBy(r => r.Verb).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {Report.Count(g.Count())}"));

    private static string Listing(IEnumerable<string> items) => items.Any() ? string.Join(", ", items) : "none";

    /// <summary>Writes grouped by verb and resource, for example "PATCH dropzones/status 1,000".</summary>
    private static string Targets(IEnumerable<RecordedRequest> writes) =>
        string.Join(", ", writes
            .GroupBy(w => $"{w.Method} {w.Resource}{(string.IsNullOrEmpty(w.Subresource) ? "" : "/" + w.Subresource)}")
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} {Report.Count(g.Count())}"));
}
