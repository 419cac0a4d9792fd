using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Safedrop.Client;
using Safedrop.Testing;

namespace Safedrop.Benchmarks;

/// <summary>
/// The built API in local mode as a child process, configured by environment variables only: a small tenant
/// (one Enterprise Organization, one Dropzone with room for large files) in a folder of YAML, a fresh data folder,
/// plus whatever the benchmark adds (S3 storage, Redis caches, raised rate limits). PINs are read from the mail
/// local mode prints to its console.
/// </summary>
internal sealed partial class LocalApi : IAsyncDisposable
{
    public const string Dropzone = "bench-inbox";
    public const string Owner = "owner@bench.example";

    private const string Tenant = $"""
        apiVersion: safedrop.io/v1alpha1
        kind: Organization
        metadata:
          name: bench
          namespace: bench
        spec:
          plan: Enterprise
          domains:
            - bench.example
          admins:
            - admin@bench.example
        ---
        apiVersion: safedrop.io/v1alpha1
        kind: Dropzone
        metadata:
          name: {Dropzone}
          namespace: bench
        spec:
          owner: {Owner}
          maxFileSize: 16Gi
          maxPackageSize: 16Gi
        """;

    private readonly string folder;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> pinWaiters = new(StringComparer.OrdinalIgnoreCase);
    private string? mailTo;

    private LocalApi(string folder, Uri url)
    {
        this.folder = folder;
        Url = url;
        Http = new HttpClient(ApiRequests, disposeHandler: true) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };
        Storage = new HttpClient(StorageRequests, disposeHandler: true) { Timeout = TimeSpan.FromMinutes(10) };
    }

    public Uri Url { get; }

    /// <summary>The API's data folder (local mode's object store is its <c>objects</c> subfolder); deleted on dispose.</summary>
    public string DataFolder => Path.Combine(folder, "data");

    /// <summary>Requests the clients sent to the API; those under /v1/transfer are streamed parts.</summary>
    public RequestCounter ApiRequests { get; } = new();

    /// <summary>Requests the clients sent straight to object storage (presigned URLs).</summary>
    public RequestCounter StorageRequests { get; } = new();

    /// <summary>The API's address; shared by every client of the benchmark (no cookies, the bearer token is per request).</summary>
    public HttpClient Http { get; }

    /// <summary>For presigned storage URLs; never carries credentials.</summary>
    public HttpClient Storage { get; }

    public ChildProcess Process { get; private set; } = null!;

    /// <param name="environment">Extra settings, e.g. <c>Safedrop__Storage__Endpoint</c>.</param>
    public static Task<LocalApi> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        StartAsync(environment, new Dictionary<string, string>(), cancellationToken);

    /// <param name="environment">Extra settings, e.g. <c>Safedrop__Storage__Endpoint</c>.</param>
    /// <param name="tenantFiles">Extra files in the tenant folder by relative path: more manifests, or <c>secrets/{name}/{key}</c>.</param>
    public static async Task<LocalApi> StartAsync(
        IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string> tenantFiles, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("safedrop-bench-api-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "tenant"));
        await File.WriteAllTextAsync(Path.Combine(folder, "tenant", "tenant.yaml"), Tenant, cancellationToken);
        foreach (var (relative, text) in tenantFiles)
        {
            var path = Path.Combine(folder, "tenant", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text, cancellationToken);
        }
        var api = new LocalApi(folder, new Uri($"http://127.0.0.1:{FreePort.Next()}"));
        var settings = new Dictionary<string, string>
        {
            ["Safedrop__Mode"] = "Local",
            ["Safedrop__Local__Folder"] = Path.Combine(folder, "tenant"),
            ["Safedrop__Local__DataFolder"] = api.DataFolder,
            ["ASPNETCORE_URLS"] = api.Url.ToString(),
        };
        foreach (var (name, value) in environment) settings[name] = value;

        try
        {
            api.Process = ChildProcess.Start(ChildProcess.BuiltDll("api/Safedrop.Api"), [], settings, api.OnLine);
            await api.Process.WaitUntilOkAsync(api.Http, new Uri(api.Url, "/readyz").ToString(), TimeSpan.FromSeconds(60), cancellationToken);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public SafedropClient NewClient(SafedropClientOptions? options = null) => new(Http, Storage, options);

    /// <summary>Asks for a PIN and signs in with the one local mode mails (prints) for <paramref name="email"/>.</summary>
    public async Task SignInAsync(SafedropClient client, string email, CancellationToken cancellationToken)
    {
        var pin = ExpectPin(email);
        await client.RequestPinAsync(email, cancellationToken);
        await client.SignInAsync(email, await pin.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken), cancellationToken);
    }

    /// <summary>The next PIN mailed to <paramref name="email"/>; call before requesting it.</summary>
    public Task<string> ExpectPin(string email)
    {
        var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        pinWaiters[email] = waiter;
        return waiter.Task;
    }

    /// <summary>Reads /metrics (Prometheus text): the value of an unlabelled sample, e.g. dotnet_total_memory_bytes.</summary>
    public async Task<double?> MetricAsync(string name, CancellationToken cancellationToken)
    {
        var text = await Http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        var match = Regex.Match(text, $@"^{Regex.Escape(name)}\s+(\S+)", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    // Local mode prints each mail as "To: <address>" ... "Your PIN: <digits>"; one mail is one write, so its lines arrive together.
    private void OnLine(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith("To: ", StringComparison.Ordinal))
        {
            mailTo = trimmed[4..];
        }
        else if (mailTo is not null && PinLine().Match(trimmed) is { Success: true } pin)
        {
            if (pinWaiters.TryRemove(mailTo, out var waiter)) waiter.TrySetResult(pin.Groups[1].Value);
            mailTo = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is not null) await Process.DisposeAsync();
        Http.Dispose();
        Storage.Dispose();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Counts requests by whether their path starts with /v1/transfer, and times package completions (the API checks
    /// every stored part then); cookies off, so clients share it safely.
    /// </summary>
    internal sealed class RequestCounter() : DelegatingHandler(new SocketsHttpHandler { UseCookies = false })
    {
        private long transfers;
        private long total;
        private long completionTicks;

        /// <summary>Time spent in POST /v1/packages/{id}/complete, summed.</summary>
        public TimeSpan Completions => System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref completionTicks));

        public long Transfers => Interlocked.Read(ref transfers);

        public long Total => Interlocked.Read(ref total);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref total);
            var path = request.RequestUri!.AbsolutePath;
            if (path.StartsWith("/v1/transfer/", StringComparison.Ordinal)) Interlocked.Increment(ref transfers);
            return path.EndsWith("/complete", StringComparison.Ordinal) ? TimedAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);
        }

        private async Task<HttpResponseMessage> TimedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Add(ref completionTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
            }
        }
    }

    [GeneratedRegex(@"^Your PIN: (\d+)$")]
    private static partial Regex PinLine();
}
