using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Safedrop.Client;

namespace Safedrop.Benchmarks;

/// <summary>
/// `workflows`: events per second through the Personal Workflow engine and the delay from event to webhook delivered.
/// The API runs in local mode as a child process (in-memory event stream, folder store) with <see cref="WorkflowTenant"/>;
/// outside senders signed in by PIN upload tiny packages to the users' Dropzones with the real client (create, one
/// part, complete), which is what emits DropzoneUploadReceived. The event time of a package is when its complete
/// returned to the sender; the delivery time is when the local <see cref="WebhookReceiver"/> got a valid signed POST
/// naming that packageId.
/// </summary>
internal static class WorkflowBenchmark
{
    private const int Limit = 100_000;
    private const int WarmUp = 20;
    private static readonly byte[] Content = "workflow benchmark"u8.ToArray();

    public static async Task RunAsync(int users, int events, int senders, TimeSpan drainLimit, CancellationToken cancellationToken)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var receiver = WebhookReceiver.Start(System.Text.Encoding.UTF8.GetBytes(secret));
        var settings = new Dictionary<string, string>
        {
            ["Safedrop__Identity__PinRequestsPerClient"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["Safedrop__Identity__PinVerificationsPerClient"] = Limit.ToString(CultureInfo.InvariantCulture),
        };
        Report.Progress($"starting the API with {users} users, {users * WorkflowTenant.PerUser} workflows, {users} Dropzones");
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
            await UploadAsync(clients, users, 0, WarmUp, warm, cancellationToken);
            await receiver.WhenArrived(WarmUp).WaitAsync(drainLimit, cancellationToken);

            Report.Progress($"{events} events from {senders} senders");
            var completed = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            await UploadAsync(clients, users, WarmUp, events, completed, cancellationToken);
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

            Print(users, events, senders, completed, receiver, uploadsDone, drained, drainLimit);
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>Events <paramref name="first"/>.. uploaded by all senders at once; records when each package's complete returned.</summary>
    private static async Task UploadAsync(
        List<SafedropClient> clients, int users, int first, int count, ConcurrentDictionary<string, long> completed, CancellationToken cancellationToken)
    {
        var next = first - 1;
        var last = first + count - 1;
        await Task.WhenAll(clients.Select(async client =>
        {
            for (var n = Interlocked.Increment(ref next); n <= last; n = Interlocked.Increment(ref next))
            {
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
        int users, int events, int senders, ConcurrentDictionary<string, long> completed, WebhookReceiver receiver, long uploadsDone, bool drained, TimeSpan drainLimit)
    {
        var delays = completed
            .Where(c => receiver.Arrivals.ContainsKey(c.Key))
            .Select(c => Stopwatch.GetElapsedTime(c.Value, receiver.Arrivals[c.Key]).TotalMilliseconds)
            .Order()
            .ToList();
        var firstComplete = completed.Values.Min();
        var lastDelivery = completed.Keys.Where(receiver.Arrivals.ContainsKey).Select(k => receiver.Arrivals[k]).DefaultIfEmpty(firstComplete).Max();
        var wall = Stopwatch.GetElapsedTime(firstComplete, lastDelivery);
        var uploading = Stopwatch.GetElapsedTime(firstComplete, uploadsDone);

        Report.Section("Personal Workflows: Dropzone upload -> engine -> signed webhook on a local receiver");
        Report.Figure("tenant", $"{Report.Count(users)} users, {Report.Count(users * WorkflowTenant.PerUser)} workflows (DropzoneUploadReceived + webhook), {Report.Count(users)} Dropzones");
        Report.Figure("events (timed; after a warm-up of " + WarmUp + ")", $"{Report.Count(events)} tiny packages ({Content.Length} B, 1 file), {senders} concurrent senders");
        Report.Note("each upload's file name matches exactly one of its owner's 5 workflows: one delivery per event; the matcher weighs every workflow each time");
        Report.Note("API in local mode, its own process: in-memory event stream, folder store, default engine options; PIN rate limits raised for sign-in only");
        Report.Figure("deliveries (valid, distinct) / events", $"{Report.Count(delays.Count)} / {Report.Count(events)}" + (drained ? "" : $" (not all within {drainLimit.TotalSeconds:0} s after the last upload)"));
        Report.Figure("signature failures / duplicate deliveries", $"{Report.Count(receiver.SignatureFailures)} / {Report.Count(receiver.Duplicates)}");
        Report.Figure("uploads completed/s (first to last complete)", completed.Count / uploading.TotalSeconds, "0.0");
        Report.Figure("events/s through the engine", delays.Count / wall.TotalSeconds, "0.0", $"(deliveries over {wall.TotalSeconds:0.0} s, first complete -> last delivery)");
        if (delays.Count == 0) return;
        Report.Figure("delay complete -> delivered: min / p50 / p95 / max", string.Create(CultureInfo.InvariantCulture,
            $"{delays[0]:0} / {Percentile(delays, 0.50):0} / {Percentile(delays, 0.95):0} / {delays[^1]:0} ms"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
