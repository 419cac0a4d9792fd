using System.Net;
using Safedrop.Client.Tests.Fakes;
using Safedrop.Crypto;

namespace Safedrop.Client.Tests.Unit;

/// <summary>The transfer engine against an in-memory API: round trips, parallelism, retries, URL refresh and resume.</summary>
public sealed class TransferEngineTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static SafedropClient Client(FakeSafedropServer server, int parallelism = 4) =>
        new(server.ApiClient(), server.StorageClient(), new SafedropClientOptions { Parallelism = parallelism, RetryDelay = TimeSpan.FromMilliseconds(1), UrlBatchSize = 3 });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_RoundTripFilesAndMessage_When_UploadedAndDownloaded(bool direct)
    {
        using var server = new FakeSafedropServer { Direct = direct };
        using var client = Client(server);
        client.UseSessionToken("session-token");
        var big = RandomContent.Bytes(9 * RandomContent.MiB + 123);
        var exact = RandomContent.Bytes(2 * EncryptionFormat.PartSize);

        var link = await client.SendAsync(["bob@acme.example"], [RandomContent.File("big.bin", big), RandomContent.File("exact.bin", exact), RandomContent.File("empty.txt", [])], "Hello, Bob ✓", cancellationToken: Token);

        var opened = await client.OpenAsync(SecureLink.Parse(link.Url), Token);
        Assert.Equal("Hello, Bob ✓", opened.Message);
        Assert.Equal(["big.bin", "exact.bin", "empty.txt"], opened.Files.Select(f => f.Name));
        foreach (var (file, expected) in opened.Files.Zip([big, exact, Array.Empty<byte>()]))
        {
            using var output = new MemoryStream();
            await client.DownloadFileAsync(opened, file, output, cancellationToken: Token);
            Assert.Equal(expected, output.ToArray());
        }

        // The parts of 9 MiB: 3 sealed parts, each its plaintext plus 28 bytes; an empty file is one 28-byte part.
        Assert.Equal(28, server.Objects[FakeSafedropServer.Key(opened.PackageId, "f2", 0)].Length);
        Assert.Equal(3, server.Objects.Keys.Count(k => k.Contains("/f0/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_SendBearerOnlyToTheApi_When_TransferUrlsAreDirect()
    {
        using var server = new FakeSafedropServer { Direct = true };
        using var client = Client(server);
        client.UseSessionToken("session-token");

        var link = await client.SendAsync(["bob@acme.example"], [RandomContent.File("a.bin", RandomContent.Bytes(5 * RandomContent.MiB))], cancellationToken: Token);
        await client.DownloadAsync(link, "a.bin", Stream.Null, cancellationToken: Token);

        var requests = server.Requests.ToList();
        Assert.Contains(requests, r => r.Uri.Host == FakeSafedropServer.StorageBase.Host);
        Assert.All(requests.Where(r => r.Uri.Host == FakeSafedropServer.StorageBase.Host), r => Assert.Null(r.Authorization));
        Assert.All(requests.Where(r => r.Uri.Host == FakeSafedropServer.ApiBase.Host), r => Assert.Equal("Bearer session-token", r.Authorization));
    }

    [Fact]
    public async Task Should_KeepAtMostParallelismPartsInFlight_When_Transferring()
    {
        using var server = new FakeSafedropServer();
        using var client = Client(server, parallelism: 2);

        var link = await client.SendAsync(["bob@acme.example"], [RandomContent.File("a.bin", RandomContent.Bytes(6 * EncryptionFormat.PartSize))], cancellationToken: Token);
        await client.DownloadAsync(link, "a.bin", Stream.Null, cancellationToken: Token);

        Assert.InRange(server.MaxConcurrentTransfers, 1, 2);
    }

    [Fact]
    public async Task Should_RetryOnlyTheFailingPart_When_StorageFailsTransiently()
    {
        using var server = new FakeSafedropServer();
        using var client = Client(server);
        var failures = 0;
        server.Intercept = request => request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.EndsWith("/f0/1", StringComparison.Ordinal) && Interlocked.Increment(ref failures) <= 2
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : null;
        var content = RandomContent.Bytes(3 * EncryptionFormat.PartSize);

        var link = await client.SendAsync(["bob@acme.example"], [RandomContent.File("a.bin", content)], cancellationToken: Token);

        var puts = server.Requests.Where(r => r.Method == HttpMethod.Put).GroupBy(r => r.Uri.AbsolutePath.Split('/')[^1]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["0"] = 1, ["1"] = 3, ["2"] = 1 }, puts);
        using var output = new MemoryStream();
        await client.DownloadAsync(link, "a.bin", output, cancellationToken: Token);
        Assert.Equal(content, output.ToArray());
    }

    [Fact]
    public async Task Should_AskForANewUrl_When_StorageRefusesAnExpiredOne()
    {
        using var server = new FakeSafedropServer { UrlLifetime = TimeSpan.FromMinutes(-1) };
        using var client = Client(server);
        var refused = 0;
        server.Intercept = request =>
        {
            // The first URLs look valid to the client but storage calls them expired; from then on URLs are good.
            if (request.Method == HttpMethod.Put && Interlocked.Increment(ref refused) == 1)
            {
                server.UrlLifetime = TimeSpan.FromMinutes(15);
                return FakeSafedropServer.Problem(HttpStatusCode.Forbidden, "transfer-grant-invalid", "Expired.");
            }

            return null;
        };

        await client.SendAsync(["bob@acme.example"], [RandomContent.File("a.bin", RandomContent.Bytes(1000))], cancellationToken: Token);

        var package = server.Single();
        Assert.True(package.Complete);
        Assert.Equal(2, package.UrlRequests.Count);
    }

    [Fact]
    public async Task Should_ReuploadOnlyMissingParts_When_ResumedAfterAnInterruption()
    {
        using var server = new FakeSafedropServer();
        using var client = Client(server, parallelism: 1);
        var content = RandomContent.Bytes(5 * EncryptionFormat.PartSize + 7);
        var files = new[] { RandomContent.File("a.bin", content) };
        var session = await client.StartSendAsync(["bob@acme.example"], files, "hi", cancellationToken: Token);
        server.Intercept = request => request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.EndsWith("/f0/3", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.BadRequest)
            : null;

        await Assert.ThrowsAsync<SafedropApiException>(() => client.UploadAsync(session, files, cancellationToken: Token));
        Assert.Equal([0L, 1L, 2L], session.UploadedParts("f0"));
        server.Intercept = null;
        var before = server.Requests.Count(r => r.Method == HttpMethod.Put);

        var link = await client.UploadAsync(session, files, cancellationToken: Token);

        var resent = server.Requests.Where(r => r.Method == HttpMethod.Put).Skip(before).Select(r => r.Uri.AbsolutePath.Split('/')[^1]).Order().ToList();
        Assert.Equal(["3", "4", "5"], resent);
        using var output = new MemoryStream();
        await client.DownloadAsync(link, "a.bin", output, cancellationToken: Token);
        Assert.Equal(content, output.ToArray());
    }

    [Fact]
    public async Task Should_ReuploadPartsTheApiNamesAsFaulty_When_CompletingRefuses()
    {
        using var server = new FakeSafedropServer();
        using var client = Client(server);
        var content = RandomContent.Bytes(3 * EncryptionFormat.PartSize);
        var files = new[] { RandomContent.File("a.bin", content) };
        var session = await client.StartSendAsync(["bob@acme.example"], files, cancellationToken: Token);
        // Storage "loses" part 1 after accepting it: the client believes it is stored, completion says otherwise.
        server.Intercept = request =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/complete", StringComparison.Ordinal) && server.Single().CompleteRefusals == 0)
                server.Objects.TryRemove(FakeSafedropServer.Key(session.PackageId, "f0", 1), out _);
            return null;
        };

        var link = await client.UploadAsync(session, files, cancellationToken: Token);

        Assert.Equal(1, server.Single().CompleteRefusals);
        Assert.Equal(4, server.Requests.Count(r => r.Method == HttpMethod.Put));
        using var output = new MemoryStream();
        await client.DownloadAsync(link, "a.bin", output, cancellationToken: Token);
        Assert.Equal(content, output.ToArray());
    }

    [Fact]
    public async Task Should_ReportTheFilesOnceAndStillSucceed_When_TheDownloadReportFails()
    {
        using var server = new FakeSafedropServer();
        using var client = Client(server);
        var link = await client.SendAsync(["bob@acme.example"], [RandomContent.File("a.txt", [1]), RandomContent.File("b.txt", [2])], cancellationToken: Token);
        var reports = new List<string>();
        server.Intercept = request =>
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/downloaded", StringComparison.Ordinal)) return null;
            reports.Add(request.Content!.ReadAsStringAsync(Token).GetAwaiter().GetResult());
            return FakeSafedropServer.Problem(HttpStatusCode.ServiceUnavailable, "unavailable", "Down for a moment.");
        };
        var folder = Directory.CreateTempSubdirectory("safedrop-client-tests").FullName;

        var paths = await client.DownloadAsync(link, folder, cancellationToken: Token);

        Assert.Equal(2, paths.Count);
        Assert.Equal("{\"fileIds\":[\"f0\",\"f1\"]}", Assert.Single(reports));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Should_FailWithAnIntegrityError_When_AStoredPartWasAltered()
    {
        using var server = new FakeSafedropServer();
        using var client = Client(server);
        var link = await client.SendAsync(["bob@acme.example"], [RandomContent.File("a.bin", RandomContent.Bytes(2 * EncryptionFormat.PartSize + 5))], cancellationToken: Token);
        var stored = server.Objects[FakeSafedropServer.Key(link.PackageId, "f0", 1)];
        stored[100] ^= 1;
        var folder = Directory.CreateTempSubdirectory("safedrop-client-tests").FullName;

        var error = await Assert.ThrowsAsync<PackageIntegrityException>(() => client.DownloadAsync(link, folder, cancellationToken: Token));

        Assert.Contains("Part 1 of a.bin failed authentication", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task Should_FailWithAnIntegrityError_When_PartsAreSwapped()
    {
        using var server = new FakeSafedropServer();
        using var client = Client(server);
        var link = await client.SendAsync(["bob@acme.example"], [RandomContent.File("a.bin", RandomContent.Bytes(3 * EncryptionFormat.PartSize))], cancellationToken: Token);
        var (first, second) = (FakeSafedropServer.Key(link.PackageId, "f0", 0), FakeSafedropServer.Key(link.PackageId, "f0", 1));
        (server.Objects[first], server.Objects[second]) = (server.Objects[second], server.Objects[first]);

        await Assert.ThrowsAsync<PackageIntegrityException>(() => client.DownloadAsync(link, "a.bin", Stream.Null, cancellationToken: Token));
    }

    [Fact]
    public async Task Should_BeRefusedByTheApi_When_TheKeycodeIsWrong()
    {
        using var server = new FakeSafedropServer();
        using var client = Client(server);
        var link = await client.SendAsync(["bob@acme.example"], [RandomContent.File("a.bin", [1, 2, 3])], cancellationToken: Token);

        var error = await Assert.ThrowsAsync<SafedropApiException>(() => client.OpenAsync(new SecureLink(link.BaseAddress, link.PackageId, Keycode.Generate()), Token));

        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.True(error.Is("keycode-proof-failed"));
    }

    [Fact]
    public async Task Should_ReadTheSameBytes_When_AStreamCannotSeek()
    {
        using var server = new FakeSafedropServer();
        using var client = Client(server);
        var content = RandomContent.Bytes(EncryptionFormat.PartSize + 9);
        var file = new UploadFile("pipe.bin", content.Length, () => new ForwardOnlyStream(content));

        var link = await client.SendAsync(["bob@acme.example"], [file], cancellationToken: Token);

        using var output = new MemoryStream();
        await client.DownloadAsync(link, "pipe.bin", output, cancellationToken: Token);
        Assert.Equal(content, output.ToArray());
    }

    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
