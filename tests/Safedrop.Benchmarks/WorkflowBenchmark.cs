using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Safedrop.Client;
using Safedrop.Testing;

namespace Safedrop.Benchmarks;

/// <summary>
/// `workflows`: events per second through the Personal Workflow engine and the delay from event to webhook delivered.
/// The API runs in local mode as a child process (folder store) with <see cref="WorkflowTenant"/>; its event stream is
/// in memory, or with <c>--redis</c> a Redis Streams consumer group on a private redis-server as in a cluster (the
/// session and PIN caches there too). Outside senders signed in by PIN upload tiny packages to the users' Dropzones
/// with the real client (create, one part, complete), which is what emits DropzoneUploadReceived: as fast as they can,
/// or with <c>--rate</c> at a fixed rate, so the delay is also measured below saturation. The delivery time is when the
/// local <see cref="WebhookReceiver"/> got a valid signed POST naming that packageId; the delay runs to it from the
/// event's <c>occurredAt</c> (the API's own time for the event) and from the package's complete returning to the sender.
/// </summary>
internal static class WorkflowBenchmark
{
    private const int Limit = 100_000;
    private const int WarmUp = 20;
    private static readonly byte[] Content = "workflow benchmark"u8.ToArray();

    // Where the API keeps its stream on the session cache's Redis (RedisWorkflowEventStream.DefaultKey).
    private const string StreamKey = "safedrop:workflow-events";

    /// <param name="rate">Events per second the senders keep to; null: as fast as they can (saturation).</param>
    public static async Task RunAsync(
        int users, int events, int senders, bool redis, double? rate, TimeSpan drainLimit, CancellationToken cancellationToken)
    {
        await using var redisServer = redis ? new RedisServer() : null;
        if (redisServer is not null) await redisServer.InitializeAsync();
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var receiver = WebhookReceiver.Start(System.Text.Encoding.UTF8.GetBytes(secret));
        var settings = new Dictionary<string, string>
        {
            ["Safedrop__Identity__PinRequestsPerClient"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["Safedrop__Identity__PinVerificationsPerClient"] = Limit.ToString(CultureInfo.InvariantCulture),
        };
        if (redisServer is not null)
        {
            // As in a cluster: the workflow stream lives on the session cache's Redis.
            settings["Safedrop__SessionCache__ConnectionString"] = redisServer.ConnectionString;
            settings["Safedrop__PinCache__ConnectionString"] = redisServer.ConnectionString;
        }
        Report.Progress($"starting the API with {users} users, {users * WorkflowTenant.PerUser} workflows, {users} Dropzones" + (redis ? ", stream on Redis" : ""));
        await using var api = await LocalApi.StartAsync(settings, WorkflowTenant.Files(users, receiver.Url, secret), cancellationToken);

        var clients = new List<SafedropClient>();
        try
        {
            for (var s = 0; s < senders; s++)
            {
                var client = api.NewClient();
                clients.Add(client);
                await api.SignInAsync(client, string.Create(CultureInfo.InvariantCulture, $"sender{s}@outside.example"), cancellationToken);
            }

            Report.Progress($"warming up with {WarmUp} events");
            var warm = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            await UploadAsync(clients, users, 0, WarmUp, null, warm, cancellationToken);
            await receiver.WhenArrived(WarmUp).WaitAsync(drainLimit, cancellationToken);

            Report.Progress($"{events} events from {senders} senders" + (rate is { } r ? string.Create(CultureInfo.InvariantCulture, $" at {r:0.#}/s") : ""));
            var completed = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            await UploadAsync(clients, users, WarmUp, events, rate, completed, cancellationToken);
            var uploadsDone = Stopwatch.GetTimestamp();
            var drained = true;
            try
            {
                await receiver.WhenArrived(WarmUp + events).WaitAsync(drainLimit, cancellationToken);
            }
            catch (TimeoutException)
            {
                drained = false;
            }

            long? streamEntries = redisServer is null ? null : await RedisProbe.IntegerAsync(redisServer.Port, ["XLEN", StreamKey], cancellationToken);
            Print(new Run(users, events, senders, rate, streamEntries, RetriedRuns(api.DataFolder)), completed, receiver, uploadsDone, drained, drainLimit);
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>What was asked for, and what the run left: the Redis stream's length (null in memory) and the runs retried.</summary>
    private sealed record Run(int Users, int Events, int Senders, double? Rate, long? StreamEntries, int RetriedRuns);

    /// <summary>Run records (local mode's folder store) whose action took more than one try: where a duplicate delivery can come from.</summary>
    private static int RetriedRuns(string dataFolder)
    {
        var runs = Path.Combine(dataFolder, "objects", "workflows", "runs");
        if (!Directory.Exists(runs)) return 0;
        return Directory.EnumerateFiles(runs, "*.json", SearchOption.AllDirectories).Count(path =>
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            return json.RootElement.GetProperty("attempts").GetInt32() > 1;
        });
    }

    /// <summary>
    /// Events <paramref name="first"/>.. uploaded by all senders at once, each as soon as a sender is free or, with a
    /// <paramref name="rate"/>, not before its due time; records when each package's complete returned.
    /// </summary>
    private static async Task UploadAsync(
        List<SafedropClient> clients, int users, int first, int count, double? rate, ConcurrentDictionary<string, long> completed, CancellationToken cancellationToken)
    {
        var next = first - 1;
        var last = first + count - 1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.Select(async client =>
        {
            for (var n = Interlocked.Increment(ref next); n <= last; n = Interlocked.Increment(ref next))
            {
                if (rate is { } perSecond)
                {
                    // Open loop: event n is due at a fixed time, so a slow upload delays only itself, not the rate.
                    var wait = TimeSpan.FromSeconds((n - first) / perSecond) - Stopwatch.GetElapsedTime(started);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
                }
                var user = n % users;
                var workflow = n / users % WorkflowTenant.PerUser;
                using var content = new MemoryStream(Content, writable: false);
                var link = await client.UploadToDropzoneAsync(
                    WorkflowTenant.Dropzone(user), [UploadFile.FromStream(WorkflowTenant.FileName(n, workflow), content, Content.Length)], cancellationToken: cancellationToken);
                completed[link.PackageId] = Stopwatch.GetTimestamp();
            }
        }));
    }

    private static void Print(
        Run run, ConcurrentDictionary<string, long> completed, WebhookReceiver receiver, long uploadsDone, bool drained, TimeSpan drainLimit)
    {
        var (users, events, senders) = (run.Users, run.Events, run.Senders);
        var delays = completed
            .Where(c => receiver.Arrivals.ContainsKey(c.Key))
            .Select(c => Stopwatch.GetElapsedTime(c.Value, receiver.Arrivals[c.Key]).TotalMilliseconds)
            .Order()
            .ToList();
        var sinceEvent = completed.Keys
            .Where(receiver.SinceOccurred.ContainsKey)
            .Select(k => receiver.SinceOccurred[k].TotalMilliseconds)
            .Order()
            .ToList();
        var firstComplete = completed.Values.Min();
        var lastDelivery = completed.Keys.Where(receiver.Arrivals.ContainsKey).Select(k => receiver.Arrivals[k]).DefaultIfEmpty(firstComplete).Max();
        var wall = Stopwatch.GetElapsedTime(firstComplete, lastDelivery);
        var uploading = Stopwatch.GetElapsedTime(firstComplete, uploadsDone);

        Report.Section("Personal Workflows: Dropzone upload -> engine -> signed webhook on a local receiver");
        Report.Figure("tenant", $"{Report.Count(users)} users, {Report.Count(users * WorkflowTenant.PerUser)} workflows (DropzoneUploadReceived + webhook), {Report.Count(users)} Dropzones");
        Report.Figure("events (timed; after a warm-up of " + WarmUp + ")", $"{Report.Count(events)} tiny packages ({Content.Length} B, 1 file), {senders} concurrent senders");
        Report.Figure("pace", run.Rate is { } rate
            ? string.Create(CultureInfo.InvariantCulture, $"{rate:0.#} events/s (open loop: each upload starts at its due time)")
            : "as fast as the senders go (saturation)");
        Report.Figure("event stream", run.StreamEntries is { } entries
            ? $"Redis Streams consumer group on a private redis-server, as in a cluster; session and PIN caches there too ({Report.Count(entries)} entries: 2 events per upload)"
            : "in memory (local mode's default)");
        Report.Note("each upload's file name matches exactly one of its owner's 5 workflows: one delivery per event; the matcher weighs every workflow each time");
        Report.Note("API in local mode, its own process: folder store, default engine options (MaxConcurrentRuns 32); PIN rate limits raised for sign-in only");
        Report.Figure("deliveries (valid, distinct) / events", $"{Report.Count(delays.Count)} / {Report.Count(events)}" + (drained ? "" : $" (not all within {drainLimit.TotalSeconds:0} s after the last upload)"));
        Report.Figure("signature failures / duplicate deliveries", $"{Report.Count(receiver.SignatureFailures)} / {Report.Count(receiver.Duplicates)}");
        Report.Figure("runs that needed more than one try", Report.Count(run.RetriedRuns));
        Report.Figure("uploads completed/s (first to last complete)", completed.Count / uploading.TotalSeconds, "0.0");
        Report.Figure("events/s through the engine", delays.Count / wall.TotalSeconds, "0.0", $"(deliveries over {wall.TotalSeconds:0.0} s, first complete -> last delivery)");
        if (delays.Count == 0) return;
        Report.Figure("delay event -> delivered: min / p50 / p95 / max", Spread(sinceEvent));
        Report.Figure("delay complete -> delivered: min / p50 / p95 / max", Spread(delays));
        Report.Note("event -> delivered: from the event's occurredAt (set by the API when it records the event) to the receiver, one clock;");
        Report.Note("complete -> delivered: from the complete's answer reaching the sender, negative when the webhook is faster than that answer");
    }

    private static string Spread(List<double> sorted) => sorted.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture,
        $"{sorted[0]:0} / {Percentile(sorted, 0.50):0} / {Percentile(sorted, 0.95):0} / {sorted[^1]:0} ms");

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
