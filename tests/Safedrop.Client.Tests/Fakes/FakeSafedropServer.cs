using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Safedrop.Crypto;

namespace Safedrop.Client.Tests.Fakes;

/// <summary>
/// A small in-memory stand-in for the package endpoints of API v1 and for object storage, to drive the transfer
/// engine through failures on demand (dropped parts, expired URLs, flaky storage) without a real server.
/// Transfer URLs point at the API (<see cref="ApiBase"/>) or, with <see cref="Direct"/>, at a separate storage host.
/// </summary>
internal sealed partial class FakeSafedropServer : HttpMessageHandler
{
    public static readonly Uri ApiBase = new("http://api.test/");
    public static readonly Uri StorageBase = new("http://storage.test/");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, Package> packages = new();
    private int inFlight;

    public bool Direct { get; init; }

    /// <summary>Every part object stored, by "packageId/fileId/part".</summary>
    public ConcurrentDictionary<string, byte[]> Objects { get; } = new();

    public ConcurrentQueue<(HttpMethod Method, Uri Uri, string? Authorization)> Requests { get; } = new();

    /// <summary>Return a response to short-circuit a request (fault injection); null lets it through.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?>? Intercept { get; set; }

    public int MaxConcurrentTransfers { get; private set; }

    /// <summary>Upload URLs expire this long after they are issued.</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public HttpClient ApiClient() => new(this, disposeHandler: false) { BaseAddress = ApiBase };

    public HttpClient StorageClient() => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString()));
        if (Intercept?.Invoke(request) is { } injected) return injected;
        var path = request.RequestUri!.AbsolutePath;
        if (path.StartsWith("/transfer/", StringComparison.Ordinal) || path.StartsWith("/v1/transfer/", StringComparison.Ordinal))
            return await TransferAsync(request, cancellationToken);
        if (request.RequestUri.Host != ApiBase.Host) return new HttpResponseMessage(HttpStatusCode.NotFound);

        if (request.Method == HttpMethod.Post && (path == "/v1/packages" || DropzonePackages().IsMatch(path)))
            return await CreateAsync(request, cancellationToken);
        var match = PackageAction().Match(path);
        if (request.Method != HttpMethod.Post || !match.Success || !packages.TryGetValue(match.Groups[1].Value, out var package))
            return Problem(HttpStatusCode.NotFound, "not-found", "No such route or package.");
        return match.Groups[2].Value switch
        {
            "upload-urls" => await UploadUrlsAsync(package, request, cancellationToken),
            "complete" => await CompleteAsync(package, request, cancellationToken),
            _ => await OpenAsync(package, request, cancellationToken),
        };
    }

    private async Task<HttpResponseMessage> CreateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        var id = Guid.NewGuid().ToString("N")[..26];
        var files = body.GetProperty("files").EnumerateArray()
            .Select((f, i) => new FakeFile("f" + i, f.GetProperty("name").GetString()!, f.GetProperty("size").GetInt64()))
            .ToList();
        var package = new Package(id, PackageKeys.GenerateServerSecret(), KeycodeVerifier.Hash(Base64Url.Decode(body.GetProperty("verifier").GetString()!)), files);
        packages[id] = package;
        return JsonAnswer(HttpStatusCode.Created, new
        {
            packageId = id,
            serverSecret = Base64Url.Encode(package.ServerSecret),
            partSize = EncryptionFormat.PartSize,
            files = files.Select(f => new { fileId = f.FileId, name = f.Name, size = f.Size, partCount = EncryptionFormat.PartCount(f.Size) }),
            expiresAt = DateTimeOffset.UtcNow.AddDays(7),
        });
    }

    private async Task<HttpResponseMessage> UploadUrlsAsync(Package package, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        var fileId = body.GetProperty("fileId").GetString()!;
        var parts = body.GetProperty("parts").EnumerateArray().Select(p => p.GetInt64()).ToList();
        package.UrlRequests.Enqueue(parts);
        return JsonAnswer(HttpStatusCode.OK, new { urls = parts.Select(p => Url(package, fileId, p, "PUT")) });
    }

    private async Task<HttpResponseMessage> CompleteAsync(Package package, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var faults = package.Files
            .SelectMany(f => Enumerable.Range(0, (int)EncryptionFormat.PartCount(f.Size)).Select(p => (File: f, Part: (long)p)))
            .Where(x => !Objects.TryGetValue(Key(package.Id, x.File.FileId, x.Part), out var stored) || stored.Length != EncryptionFormat.SealedPartLength(x.File.Size, x.Part))
            .Take(100)
            .Select(x => new { fileId = x.File.FileId, part = x.Part, expectedBytes = EncryptionFormat.SealedPartLength(x.File.Size, x.Part), storedBytes = (long?)null })
            .ToList();
        if (faults.Count > 0)
        {
            package.CompleteRefusals++;
            return JsonAnswer(HttpStatusCode.Conflict, new { type = "https://safedrop.io/problems/upload-incomplete", title = "Upload incomplete", status = 409, detail = $"{faults.Count} part(s) missing.", parts = faults }, "application/problem+json");
        }

        var body = await request.Content!.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        package.Message = body.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null;
        package.Complete = true;
        return JsonAnswer(HttpStatusCode.OK, new { packageId = package.Id });
    }

    private async Task<HttpResponseMessage> OpenAsync(Package package, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        if (!package.Complete) return Problem(HttpStatusCode.NotFound, "package-not-found", "Not complete.");
        if (!body.TryGetProperty("verifier", out var verifier) || verifier.ValueKind != JsonValueKind.String
            || !KeycodeVerifier.Matches(package.VerifierHash, Base64Url.Decode(verifier.GetString()!)))
            return Problem(HttpStatusCode.Forbidden, "keycode-proof-failed", "The keycode proof does not match.");
        return JsonAnswer(HttpStatusCode.OK, new
        {
            packageId = package.Id,
            sender = "alice@acme.example",
            message = package.Message,
            createdAt = DateTimeOffset.UtcNow,
            expiresAt = DateTimeOffset.UtcNow.AddDays(7),
            serverSecret = Base64Url.Encode(package.ServerSecret),
            partSize = EncryptionFormat.PartSize,
            files = package.Files.Select(f => new
            {
                fileId = f.FileId,
                name = f.Name,
                size = f.Size,
                contentType = "application/octet-stream",
                partCount = EncryptionFormat.PartCount(f.Size),
                parts = Enumerable.Range(0, (int)EncryptionFormat.PartCount(f.Size)).Select(p => Url(package, f.FileId, p, "GET")),
            }),
        });
    }

    private async Task<HttpResponseMessage> TransferAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var segments = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^3..];
        var key = string.Join('/', segments);
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        if (DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(query["exp"]!)) < DateTimeOffset.UtcNow)
            return Problem(HttpStatusCode.Forbidden, "transfer-grant-invalid", "Expired.");
        var now = Interlocked.Increment(ref inFlight);
        lock (Objects) MaxConcurrentTransfers = Math.Max(MaxConcurrentTransfers, now);
        try
        {
            await Task.Delay(5, cancellationToken);
            if (request.Method == HttpMethod.Put)
            {
                Objects[key] = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.NoContent);
            }

            return Objects.TryGetValue(key, out var stored)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(stored) }
                : Problem(HttpStatusCode.NotFound, "not-found", "No object.");
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    public Package Single() => packages.Values.Single();

    public static string Key(string packageId, string fileId, long part) => $"{packageId}/{fileId}/{part}";

    private object Url(Package package, string fileId, long part, string method)
    {
        // Storage enforces exp; the advertised expiry stays ahead so that a refused URL looks valid to the client.
        var exp = DateTimeOffset.UtcNow + UrlLifetime;
        var root = Direct ? new Uri(StorageBase, "transfer/") : new Uri(ApiBase, "v1/transfer/");
        return new { part, method, url = new Uri(root, $"{package.Id}/{fileId}/{part}?exp={exp.ToUnixTimeMilliseconds()}"), expiresAt = DateTimeOffset.UtcNow.AddMinutes(15) };
    }

    private static HttpResponseMessage JsonAnswer(HttpStatusCode status, object body, string mediaType = "application/json") =>
        new(status) { Content = JsonContent.Create(body, options: Json, mediaType: new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType)) };

    public static HttpResponseMessage Problem(HttpStatusCode status, string slug, string detail) =>
        JsonAnswer(status, new { type = "https://safedrop.io/problems/" + slug, title = slug, status = (int)status, detail }, "application/problem+json");

    [GeneratedRegex("^/v1/dropzones/[^/]+/packages$")]
    private static partial Regex DropzonePackages();

    [GeneratedRegex("^/v1/packages/([^/]+)/(upload-urls|complete|open)$")]
    private static partial Regex PackageAction();

    internal sealed record FakeFile(string FileId, string Name, long Size);

    internal sealed class Package(string id, byte[] serverSecret, byte[] verifierHash, List<FakeFile> files)
    {
        public string Id { get; } = id;

        public byte[] ServerSecret { get; } = serverSecret;

        public byte[] VerifierHash { get; } = verifierHash;

        public List<FakeFile> Files { get; } = files;

        public string? Message { get; set; }

        public bool Complete { get; set; }

        public int CompleteRefusals { get; set; }

        public ConcurrentQueue<List<long>> UrlRequests { get; } = new();
    }
}
