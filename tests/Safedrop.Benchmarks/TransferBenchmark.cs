using Safedrop.Client;
using Safedrop.Crypto;
using Safedrop.Testing;

namespace Safedrop.Benchmarks;

/// <summary>
/// `transfer`: the encrypted client's throughput against plain S3 on the same s3rver in the same run. The API runs in
/// local mode as a child process with its objects on s3rver (<c>Safedrop:Storage:*</c>): first with a public endpoint
/// (direct: parts go client ⇄ s3rver on presigned URLs), then, in a fresh process, without one (streaming: parts go
/// client ⇄ API ⇄ s3rver through /v1/transfer). The plain baseline runs before and after, and the ratios use its mean.
/// </summary>
internal static class TransferBenchmark
{
    public const long MiB = 1024 * 1024;

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
            Report.Progress("Safedrop direct path");
            var (direct, directMemory) = await SafedropAsync(s3, direct: true, size, expected, options, cancellationToken);
            Report.Progress("Safedrop streaming path");
            var (streaming, streamingMemory) = await SafedropAsync(s3, direct: false, size, expected, options, cancellationToken);
            Report.Progress("plain S3 baseline (after)");
            var after = await PlainPartsAsync(baseline, "after", size, parts, options.Parallelism, cancellationToken);
            Report.Progress("plain S3 single stream");
            var single = await baseline.SingleStreamAsync("single", size, SafedropTransfer.Seed, expected, cancellationToken);
            await baseline.RemoveAsync("single", 0, cancellationToken);

            double Rate(TimeSpan elapsed) => sizeMiB / elapsed.TotalSeconds;
            var plainPut = (Rate(before.Put) + Rate(after.Put)) / 2;
            var plainGet = (Rate(before.Get) + Rate(after.Get)) / 2;

            Report.Section($"Transfer throughput: one {sizeMiB} MiB file, encryption on, against s3rver in the same run");
            Report.Figure("file", $"{sizeMiB} MiB of generated pseudo-random bytes, {parts} parts of {EncryptionFormat.PartSize / MiB} MiB (+{EncryptionFormat.PartOverhead} B sealed)");
            Report.Figure("client parallelism (parts in flight)", options.Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Report.Figure("object store", $"s3rver at {s3.Endpoint} (one node process, data on local disk)");
            Report.Note("baseline = presigned PUT/GET with a plain HttpClient of the same sealed-size objects, same parallelism, no API, no crypto");
            Report.Figure("plain PUT, before / after / mean", $"{Rate(before.Put):0.0} / {Rate(after.Put):0.0} / {plainPut:0.0} MiB/s");
            Report.Figure("plain GET, before / after / mean", $"{Rate(before.Get):0.0} / {Rate(after.Get):0.0} / {plainGet:0.0} MiB/s");
            Report.Figure("plain one-stream PUT / GET of one object (context)", $"{Rate(single.Put):0.0} / {Rate(single.Get):0.0} MiB/s");
            Report.Figure("direct upload / download", $"{Rate(direct.Upload):0.0} / {Rate(direct.Download):0.0} MiB/s");
            Report.Figure("  part requests (PUT+GET) to s3rver / to API /v1/transfer", $"{direct.PartsViaStorage} / {direct.PartsViaApi}");
            Report.Figure("  of the upload: POST .../complete (API checks each part)", direct.Completion.TotalSeconds, "0.00", "s");
            Report.Figure("streaming upload / download", $"{Rate(streaming.Upload):0.0} / {Rate(streaming.Download):0.0} MiB/s");
            Report.Figure("  part requests (PUT+GET) to s3rver / to API /v1/transfer", $"{streaming.PartsViaStorage} / {streaming.PartsViaApi}");
            Report.Figure("  of the upload: POST .../complete (API checks each part)", streaming.Completion.TotalSeconds, "0.00", "s");
            Report.Figure("ratio direct upload / plain PUT (target >= 0.9)", Rate(direct.Upload) / plainPut, "0.00");
            Report.Figure("ratio direct download / plain GET (target >= 0.9)", Rate(direct.Download) / plainGet, "0.00");
            Report.Figure("ratio streaming upload / plain PUT (target >= 0.8)", Rate(streaming.Upload) / plainPut, "0.00");
            Report.Figure("ratio streaming download / plain GET (target >= 0.8)", Rate(streaming.Download) / plainGet, "0.00");
            Report.Figure("API peak resident (VmHWM), direct / streaming", $"{directMemory:0} / {streamingMemory:0} MiB");
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

    private static async Task<(TransferTimes Times, double PeakMiB)> SafedropAsync(S3Server s3, bool direct, long size, byte[] expected, SafedropClientOptions options, CancellationToken cancellationToken)
    {
        await using var api = await LocalApi.StartAsync(StorageSettings(s3, direct), cancellationToken);
        var times = await SafedropTransfer.RunAsync(api, size, expected, options, cancellationToken);
        return (times, api.Process.Memory().PeakMiB);
    }
}
