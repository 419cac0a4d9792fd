using System.Diagnostics;
using System.Globalization;
using Safedrop.Testing;

namespace Safedrop.Benchmarks;

/// <summary>
/// `pin`: PIN sign-in round trips (POST /v1/auth/pin, the PIN from the mail, POST /v1/auth/pin/verify) per second for
/// N concurrent clients, every round trip for a new address. The API runs in local mode as a child process with both
/// caches on a private redis-server (<c>Safedrop:PinCache</c>/<c>SessionCache:ConnectionString</c>) and its rate
/// limits raised so that they never answer 429; PINs are read from the mail local mode prints.
/// </summary>
internal static class PinBenchmark
{
    private const int Limit = 100_000;
    private const int PerAddressLimit = 1000;
    private const int WarmUp = 20;

    // A one-second window with these limits never refuses a benchmark's rate, however long --seconds is.
    private const string Window = "00:00:01";

    public static async Task RunAsync(IReadOnlyList<int> concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Safedrop__PinCache__ConnectionString"] = redis.ConnectionString,
                ["Safedrop__SessionCache__ConnectionString"] = redis.ConnectionString,
                ["Safedrop__Identity__PinRequestsPerClient"] = Limit.ToString(CultureInfo.InvariantCulture),
                ["Safedrop__Identity__PinVerificationsPerClient"] = Limit.ToString(CultureInfo.InvariantCulture),
                ["Safedrop__Identity__PinRequestsPerAddress"] = PerAddressLimit.ToString(CultureInfo.InvariantCulture),
                ["Safedrop__Identity__RateLimitWindow"] = Window,
            };
            await using var api = await LocalApi.StartAsync(settings, cancellationToken);
            var next = 0;
            string NewAddress() => $"person{Interlocked.Increment(ref next)}@clients.example";

            Report.Progress($"warming up with {WarmUp} round trips");
            for (var i = 0; i < WarmUp; i++) await RoundTripAsync(api, NewAddress(), cancellationToken);

            var results = new List<(int Clients, Stats Stats)>();
            foreach (var clients in concurrency)
            {
                Report.Progress($"{clients} concurrent client(s) for {duration.TotalSeconds:0} s");
                results.Add((clients, await MeasureAsync(api, clients, duration, NewAddress, cancellationToken)));
            }

            var keys = await RedisProbe.IntegerAsync(redis.Port, ["DBSIZE"], cancellationToken);
            Report.Section("PIN sign-in round trips: request PIN, read it from the mail, verify; a new address each time");
            Report.Figure("API", "local mode, its own process; PIN and session caches on one redis-server (127.0.0.1)");
            Report.Note($"rate limits raised for the benchmark: Safedrop:Identity:PinRequestsPerClient={Limit}, PinVerificationsPerClient={Limit}, PinRequestsPerAddress={PerAddressLimit}, RateLimitWindow={Window} (the counters still run, in Redis)");
            Report.Note("audit log on the local folder store, mail printed to the console (local mode); the PIN is read from that output");
            foreach (var (clients, stats) in results)
            {
                Report.Figure($"{clients} client(s): round trips/s", stats.PerSecond, "0.0", $"({Report.Count(stats.Count)} in {stats.Elapsed.TotalSeconds:0.0} s)");
                Report.Figure($"{clients} client(s): mean request / mail / verify", $"{stats.RequestMs:0.0} / {stats.MailMs:0.0} / {stats.VerifyMs:0.0} ms");
            }

            Report.Figure("keys in Redis after the run (proof the caches were Redis)", Report.Count(keys));
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    private sealed record Stats(int Count, TimeSpan Elapsed, double RequestMs, double MailMs, double VerifyMs)
    {
        public double PerSecond => Count / Elapsed.TotalSeconds;
    }

    private static async Task<Stats> MeasureAsync(LocalApi api, int clients, TimeSpan duration, Func<string> newAddress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            var mine = new List<(double, double, double)>();
            while (Stopwatch.GetTimestamp() < deadline) mine.Add(await RoundTripAsync(api, newAddress(), cancellationToken));
            return mine;
        });
        var all = (await Task.WhenAll(workers)).SelectMany(w => w).ToList();
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Stats(all.Count, elapsed, all.Average(t => t.Item1), all.Average(t => t.Item2), all.Average(t => t.Item3));
    }

    /// <summary>One sign-in; returns the milliseconds of the PIN request, the wait for its mail, and the verification.</summary>
    private static async Task<(double Request, double Mail, double Verify)> RoundTripAsync(LocalApi api, string email, CancellationToken cancellationToken)
    {
        using var client = api.NewClient();
        var pin = api.ExpectPin(email);
        var started = Stopwatch.GetTimestamp();
        await client.RequestPinAsync(email, cancellationToken);
        var requested = Stopwatch.GetTimestamp();
        var code = await pin.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var mailed = Stopwatch.GetTimestamp();
        await client.SignInAsync(email, code, cancellationToken);
        var verified = Stopwatch.GetTimestamp();
        return (Ms(started, requested), Ms(requested, mailed), Ms(mailed, verified));
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
