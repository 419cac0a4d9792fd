using Safedrop.Client;
using Safedrop.Crypto;
using Safedrop.Testing;

namespace Safedrop.Benchmarks;

/// <summary>
/// `transfer`: the encrypted client's throughput against plain S3 on the same s3rver in the same run. The API runs in
/// local mode as a child process with its objects on s3rver (<c>Safedrop:Storage:*</c>): first with a public endpoint
/// (direct: parts go client ⇄ s3rver on presigned URLs), then, in a fresh process, without one (streaming: parts go
/// client ⇄ API ⇄ s3rver through /v1/transfer). Each Safedrop upload and download is paired with a plain PUT and GET of the
/// same bytes just before it, five rounds per path, and a ratio is the median of the rounds' ratios.
/// </summary>
internal static class TransferBenchmark
{
    public const long MiB = 1024 * 1024;

    /// <summary>Rounds per path: one transfer through s3rver swings by a third between runs on a shared 2-core machine, so medians.</summary>
    private const int Rounds = 5;

    public static async Task RunAsync(int sizeMiB, CancellationToken cancellationToken)
    {
        var size = sizeMiB * MiB;
        var options = new SafedropClientOptions();
        var s3 = await StartS3Async();
        try
        {
            Report.Progress($"hashing the {sizeMiB} MiB of generated content");
            var expected = PseudoRandomContent.Sha256(size, SafedropTransfer.Seed);
            using var baseline = await S3Baseline.CreateAsync(s3, cancellationToken);
            var parts = (int)EncryptionFormat.PartCount(size);

            Report.Progress("plain S3 warm-up (untimed)");
            await PlainPartsAsync(baseline, "warm-up", SafedropTransfer.WarmUpSize, (int)EncryptionFormat.PartCount(SafedropTransfer.WarmUpSize), options.Parallelism, cancellationToken);
            Report.Progress("plain S3 baseline (before)");
            var before = await PlainPartsAsync(baseline, "before", size, parts, options.Parallelism, cancellationToken);
            // Kept on s3rver: each Safedrop download is paired with a plain GET of these parts right before it.
            var (_, plainHashes) = await baseline.PutPartsAsync("paired", size, SafedropTransfer.Seed, options.Parallelism, cancellationToken);
            async Task<(TimeSpan Put, TimeSpan Get)> PlainRoundAsync()
            {
                var (put, _) = await baseline.PutPartsAsync("paired-put", size, SafedropTransfer.Seed, options.Parallelism, cancellationToken);
                await baseline.RemoveAsync("paired-put", parts, cancellationToken);
                return (put, await baseline.GetPartsAsync("paired", size, plainHashes, options.Parallelism, cancellationToken));
            }
            Report.Progress("Safedrop direct path");
            var direct = await SafedropAsync(s3, direct: true, size, expected, options, PlainRoundAsync, cancellationToken);
            Report.Progress("Safedrop streaming path");
            var streaming = await SafedropAsync(s3, direct: false, size, expected, options, PlainRoundAsync, cancellationToken);
            await baseline.RemoveAsync("paired", parts, cancellationToken);
            Report.Progress("plain S3 baseline (after)");
            var after = await PlainPartsAsync(baseline, "after", size, parts, options.Parallelism, cancellationToken);
            Report.Progress("plain S3 single stream");
            var single = await baseline.SingleStreamAsync("single", size, SafedropTransfer.Seed, expected, cancellationToken);
            await baseline.RemoveAsync("single", 0, cancellationToken);

            double Rate(TimeSpan elapsed) => sizeMiB / elapsed.TotalSeconds;
            double Median(IEnumerable<double> rates) => rates.Order().ToList() is var sorted ? sorted[sorted.Count / 2] : 0;
            string Pairs(IEnumerable<TimeSpan> plain, IEnumerable<TimeSpan> safedrop) =>
                string.Join(", ", plain.Zip(safedrop, (p, d) => $"{Rate(p):0} → {Rate(d):0} ({Rate(d) / Rate(p):0.00})"));
            // Paired rounds: each round's own ratio cancels the drift of a shared machine between rounds; the median of those.
            double Ratio(IEnumerable<TimeSpan> safedrop, IEnumerable<TimeSpan> plain) => Median(plain.Zip(safedrop, (p, d) => Rate(d) / Rate(p)));

            Report.Section($"Transfer throughput: one {sizeMiB} MiB file, encryption on, against s3rver in the same run");
            Report.Figure("file", $"{sizeMiB} MiB of generated pseudo-random bytes, {parts} parts of {EncryptionFormat.PartSize / MiB} MiB (+{EncryptionFormat.PartOverhead} B sealed)");
            Report.Figure("client parallelism (parts in flight)", options.Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Report.Figure("object store", $"s3rver at {s3.Endpoint} (one node process, data on local disk)");
            Report.Note("baseline = presigned PUT/GET with a plain HttpClient of the same sealed-size objects, same parallelism, no API, no crypto");
            Report.Note($"{Rounds} rounds per path, each: plain PUT, plain GET, Safedrop upload, Safedrop download; a ratio is the median of the rounds' ratios");
            Report.Figure("plain PUT / GET, before and after the rounds (context)", $"{Rate(before.Put):0} / {Rate(before.Get):0}, {Rate(after.Put):0} / {Rate(after.Get):0} MiB/s");
            Report.Figure("plain one-stream PUT / GET of one object (context)", $"{Rate(single.Put):0.0} / {Rate(single.Get):0.0} MiB/s");
            foreach (var (path, run) in new[] { ("direct", direct), ("streaming", streaming) })
            {
                Report.Figure($"{path}: plain PUT → upload, each round", Pairs(run.PlainPuts, run.Uploads) + " MiB/s");
                Report.Figure($"{path}: plain GET → download, each round", Pairs(run.PlainGets, run.Downloads) + " MiB/s");
                Report.Figure("  part requests (PUT+GET) to s3rver / to API /v1/transfer", $"{run.PartsViaStorage} / {run.PartsViaApi} (all rounds)");
                Report.Figure("  of each upload: POST .../complete (API checks each part)", run.Completion.TotalSeconds / Rounds, "0.00", "s");
                Report.Figure("  of each download: POST .../open (access decision, part URLs)", run.Open.TotalSeconds / Rounds, "0.00", "s");
            }
            Report.Figure("ratio direct upload / plain PUT (target >= 0.9)", Ratio(direct.Uploads, direct.PlainPuts), "0.00");
            Report.Figure("ratio direct download / plain GET (target >= 0.9)", Ratio(direct.Downloads, direct.PlainGets), "0.00");
            Report.Figure("ratio streaming upload / plain PUT (target >= 0.8)", Ratio(streaming.Uploads, streaming.PlainPuts), "0.00");
            Report.Figure("ratio streaming download / plain GET (target >= 0.8)", Ratio(streaming.Downloads, streaming.PlainGets), "0.00");
            Report.Figure("API peak resident (VmHWM), direct / streaming", $"{direct.PeakMiB:0} / {streaming.PeakMiB:0} MiB");
            Report.Note($"each API process and the baseline first moved an untimed {SafedropTransfer.WarmUpSize / MiB} MiB warm-up file; sign-in is not timed");
            Report.Note("downloads land in memory and are hashed (SHA-256) after the clock stops, baseline and Safedrop alike; every one matched the generated content");
        }
        finally
        {
            await s3.DisposeAsync();
        }
    }

    /// <summary>A private s3rver (or SAFEDROP_TEST_S3_ENDPOINT), started as the test fixture starts it.</summary>
    public static async Task<S3Server> StartS3Async()
    {
        var s3 = new S3Server();
        await s3.InitializeAsync();
        try
        {
            _ = s3.Endpoint; // throws with the reason when s3rver is missing or did not start
            return s3;
        }
        catch
        {
            await s3.DisposeAsync();
            throw;
        }
    }

    /// <summary>Local mode's settings for objects on <paramref name="s3"/>; with a public endpoint transfers go direct.</summary>
    public static Dictionary<string, string> StorageSettings(S3Server s3, bool direct)
    {
        var settings = new Dictionary<string, string>
        {
            ["Safedrop__Storage__Endpoint"] = s3.Endpoint.ToString(),
            ["Safedrop__Storage__Bucket"] = (direct ? "direct-" : "streaming-") + Guid.NewGuid().ToString("N")[..12],
            ["Safedrop__Storage__AccessKey"] = s3.AccessKey,
            ["Safedrop__Storage__SecretKey"] = s3.SecretKey,
        };
        if (direct) settings["Safedrop__Storage__PublicEndpoint"] = s3.Endpoint.ToString();
        return settings;
    }

    private static async Task<(TimeSpan Put, TimeSpan Get)> PlainPartsAsync(S3Baseline baseline, string name, long size, int parts, int parallelism, CancellationToken cancellationToken)
    {
        var (put, hashes) = await baseline.PutPartsAsync(name, size, SafedropTransfer.Seed, parallelism, cancellationToken);
        var get = await baseline.GetPartsAsync(name, size, hashes, parallelism, cancellationToken);
        await baseline.RemoveAsync(name, parts, cancellationToken);
        return (put, get);
    }

    /// <summary>One API process, <see cref="Rounds"/> rounds: a plain PUT and GET, then a Safedrop upload and download.</summary>
    private static async Task<PathRun> SafedropAsync(
        S3Server s3, bool direct, long size, byte[] expected, SafedropClientOptions options, Func<Task<(TimeSpan Put, TimeSpan Get)>> plainRound,
        CancellationToken cancellationToken)
    {
        await using var api = await LocalApi.StartAsync(StorageSettings(s3, direct), cancellationToken);
        using var transfer = await SafedropTransfer.StartAsync(api, options, cancellationToken);
        var rounds = new List<((TimeSpan Put, TimeSpan Get) Plain, TransferTimes Safedrop)>();
        for (var round = 0; round < Rounds; round++)
            rounds.Add((await plainRound(), await transfer.UploadAndDownloadAsync(size, expected, cancellationToken)));
        return new PathRun(
            [.. rounds.Select(r => r.Plain.Put)], [.. rounds.Select(r => r.Plain.Get)],
            [.. rounds.Select(r => r.Safedrop.Upload)], [.. rounds.Select(r => r.Safedrop.Download)],
            rounds.Sum(r => r.Safedrop.PartsViaStorage), rounds.Sum(r => r.Safedrop.PartsViaApi),
            TimeSpan.FromTicks(rounds.Sum(r => r.Safedrop.Completion.Ticks)), TimeSpan.FromTicks(transfer.OpenTimes.Sum(t => t.Ticks)), api.Process.Memory().PeakMiB);
    }

    private sealed record PathRun(
        IReadOnlyList<TimeSpan> PlainPuts, IReadOnlyList<TimeSpan> PlainGets, IReadOnlyList<TimeSpan> Uploads, IReadOnlyList<TimeSpan> Downloads,
        long PartsViaStorage, long PartsViaApi, TimeSpan Completion, TimeSpan Open, double PeakMiB);
}
