using System.Diagnostics;
using Safedrop.Client;

namespace Safedrop.Benchmarks;

/// <summary>What one Safedrop round took: the upload to the Dropzone and the owner's download, and which way the parts went.</summary>
internal sealed record TransferTimes(TimeSpan Upload, TimeSpan Download, long PartsViaStorage, long PartsViaApi, TimeSpan Completion);

/// <summary>
/// One encrypted round through the real client against a <see cref="LocalApi"/>: an outside sender signs in by PIN and
/// uploads one generated file to the Dropzone, then the Dropzone's owner signs in, opens the package and downloads it
/// into memory. The downloaded plaintext must hash to <paramref name="expectedSha256"/>, or the round fails.
/// </summary>
internal static class SafedropTransfer
{
    public const string Sender = "sender@outside.example";
    public const ulong Seed = 0x5AFED209;

    /// <summary>An untimed round first, so that neither the fresh API process nor the client is timed while it JIT-compiles.</summary>
    public const long WarmUpSize = 16 * 1024 * 1024;

    public static async Task<TransferTimes> RunAsync(LocalApi api, long size, byte[] expectedSha256, SafedropClientOptions options, CancellationToken cancellationToken)
    {
        using var sender = api.NewClient(options);
        using var owner = api.NewClient(options);
        await api.SignInAsync(sender, Sender, cancellationToken);
        await api.SignInAsync(owner, LocalApi.Owner, cancellationToken);
        await using (var warmUp = new PseudoRandomContent(WarmUpSize, Seed + 1))
        {
            var warmLink = await sender.UploadToDropzoneAsync(LocalApi.Dropzone, [UploadFile.FromStream("warm-up.bin", warmUp, WarmUpSize)], cancellationToken: cancellationToken);
            await using var discard = new HashingSink();
            await owner.DownloadAsync(warmLink, "warm-up.bin", discard, cancellationToken: cancellationToken);
        }

        var (apiBefore, storageBefore, completionBefore) = (api.ApiRequests.Transfers, api.StorageRequests.Total, api.ApiRequests.Completions);

        await using var content = new PseudoRandomContent(size, Seed);
        var started = Stopwatch.GetTimestamp();
        var link = await sender.UploadToDropzoneAsync(LocalApi.Dropzone, [UploadFile.FromStream("bench.bin", content, size)], cancellationToken: cancellationToken);
        var upload = Stopwatch.GetElapsedTime(started);
        Report.Progress($"uploaded in {upload.TotalSeconds:0.0} s");

        // Hashed after the clock stops, as the baseline's parts are (MemorySink).
        await using var sink = new MemorySink(size);
        started = Stopwatch.GetTimestamp();
        var opened = await owner.OpenAsync(link, cancellationToken);
        await owner.DownloadFileAsync(opened, opened.Files.Single(), sink, cancellationToken: cancellationToken);
        var download = Stopwatch.GetElapsedTime(started);
        Report.Progress($"downloaded in {download.TotalSeconds:0.0} s");

        if (sink.Length != size || !sink.Sha256().AsSpan().SequenceEqual(expectedSha256))
            throw new InvalidDataException($"The downloaded file ({sink.Length} bytes) is not the uploaded one ({size} bytes): SHA-256 differs.");
        return new TransferTimes(upload, download, api.StorageRequests.Total - storageBefore, api.ApiRequests.Transfers - apiBefore, api.ApiRequests.Completions - completionBefore);
    }
}
