using System.Diagnostics;
using Safedrop.Client;

namespace Safedrop.Benchmarks;

/// <summary>What one Safedrop round took: the upload to the Dropzone and the owner's download, and which way the parts went.</summary>
internal sealed record TransferTimes(TimeSpan Upload, TimeSpan Download, long PartsViaStorage, long PartsViaApi, TimeSpan Completion);

/// <summary>
/// Encrypted transfers through the real client against a <see cref="LocalApi"/>: an outside sender signs in by PIN and
/// uploads one generated file to the Dropzone, then the Dropzone's owner (signed in too) opens the package and downloads
/// it into memory, as often as asked. Every download must hash to the generated content, or the round fails.
/// </summary>
internal sealed class SafedropTransfer : IDisposable
{
    public const string Sender = "sender@outside.example";
    public const ulong Seed = 0x5AFED209;

    /// <summary>An untimed round first, so that neither the fresh API process nor the client is timed while it JIT-compiles.</summary>
    public const long WarmUpSize = 16 * 1024 * 1024;

    private readonly LocalApi api;
    private readonly SafedropClient sender;
    private readonly SafedropClient owner;
    private SecureLink? link;

    /// <summary>Of each download, the part spent opening the package (the access decision and the part URLs).</summary>
    public List<TimeSpan> OpenTimes { get; } = [];

    private SafedropTransfer(LocalApi api, SafedropClientOptions options)
    {
        this.api = api;
        sender = api.NewClient(options);
        owner = api.NewClient(options);
    }

    /// <summary>Signs both in and moves the untimed warm-up file.</summary>
    public static async Task<SafedropTransfer> StartAsync(LocalApi api, SafedropClientOptions options, CancellationToken cancellationToken)
    {
        var transfer = new SafedropTransfer(api, options);
        try
        {
            await api.SignInAsync(transfer.sender, Sender, cancellationToken);
            await api.SignInAsync(transfer.owner, LocalApi.Owner, cancellationToken);
            await using var warmUp = new PseudoRandomContent(WarmUpSize, Seed + 1);
            var warmLink = await transfer.sender.UploadToDropzoneAsync(LocalApi.Dropzone, [UploadFile.FromStream("warm-up.bin", warmUp, WarmUpSize)], cancellationToken: cancellationToken);
            await using var discard = new HashingSink();
            await transfer.owner.DownloadAsync(warmLink, "warm-up.bin", discard, cancellationToken: cancellationToken);
            return transfer;
        }
        catch
        {
            transfer.Dispose();
            throw;
        }
    }

    /// <summary>One round: upload, then one download. <see cref="MemoryBenchmark"/> and the first transfer round use it.</summary>
    public static async Task<TransferTimes> RunAsync(LocalApi api, long size, byte[] expectedSha256, SafedropClientOptions options, CancellationToken cancellationToken)
    {
        using var transfer = await StartAsync(api, options, cancellationToken);
        return await transfer.UploadAndDownloadAsync(size, expectedSha256, cancellationToken);
    }

    /// <summary>Uploads the generated file, then downloads it once; the request counts cover both.</summary>
    public async Task<TransferTimes> UploadAndDownloadAsync(long size, byte[] expectedSha256, CancellationToken cancellationToken)
    {
        var (apiBefore, storageBefore, completionBefore) = (api.ApiRequests.Transfers, api.StorageRequests.Total, api.ApiRequests.Completions);
        await using var content = new PseudoRandomContent(size, Seed);
        var started = Stopwatch.GetTimestamp();
        link = await sender.UploadToDropzoneAsync(LocalApi.Dropzone, [UploadFile.FromStream("bench.bin", content, size)], cancellationToken: cancellationToken);
        var upload = Stopwatch.GetElapsedTime(started);
        Report.Progress($"uploaded in {upload.TotalSeconds:0.0} s");

        var download = await DownloadAsync(size, expectedSha256, cancellationToken);
        return new TransferTimes(upload, download, api.StorageRequests.Total - storageBefore, api.ApiRequests.Transfers - apiBefore, api.ApiRequests.Completions - completionBefore);
    }

    /// <summary>Opens the uploaded package and downloads its file into memory (timed), then checks it (untimed).</summary>
    public async Task<TimeSpan> DownloadAsync(long size, byte[] expectedSha256, CancellationToken cancellationToken)
    {
        var uploaded = link ?? throw new InvalidOperationException("Nothing uploaded yet.");
        // Hashed after the clock stops, as the baseline's parts are (MemorySink).
        await using var sink = new MemorySink(size);
        var started = Stopwatch.GetTimestamp();
        var opened = await owner.OpenAsync(uploaded, cancellationToken);
        OpenTimes.Add(Stopwatch.GetElapsedTime(started));
        await owner.DownloadFileAsync(opened, opened.Files.Single(), sink, cancellationToken: cancellationToken);
        var download = Stopwatch.GetElapsedTime(started);
        Report.Progress($"downloaded in {download.TotalSeconds:0.0} s");

        if (sink.Length != size || !sink.Sha256().AsSpan().SequenceEqual(expectedSha256))
            throw new InvalidDataException($"The downloaded file ({sink.Length} bytes) is not the uploaded one ({size} bytes): SHA-256 differs.");
        return download;
    }

    public void Dispose()
    {
        sender.Dispose();
        owner.Dispose();
    }
}
