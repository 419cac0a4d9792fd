using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Http;
using Safedrop.Api.Workspaces;
using Safedrop.Client.Tests.Hosting;
using Safedrop.Client.Tests.Unit;
using Safedrop.Crypto;
using Safedrop.Testing;

namespace Safedrop.Client.Tests.EndToEnd;

/// <summary>
/// The client against the real API in local mode: transfers streaming through <c>/v1/transfer</c>, or (direct) on
/// presigned URLs to an S3 server, as a cluster with a public storage endpoint does.
/// </summary>
public sealed class ClientEndToEndTests(S3Server s3)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ApiHost Host(bool direct, string? extraYaml = null)
    {
        if (!direct) return new ApiHost(extraYaml: extraYaml);
        // Skips (or fails under CI) here when s3rver is not installed.
        _ = s3.Endpoint;
        return new ApiHost(s3, extraYaml);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_LetTheOwnersCopyingWorkflowReadTheUpload_Because_TheClientWrapsForTheWorkflowKey(bool direct)
    {
        await using var api = Host(direct, Tenant.ArchiveWorkflow);
        var content = RandomContent.Bytes(5 * RandomContent.MiB + 3);
        var (carol, _, _) = api.NewClient();
        using var carolClient = carol;
        await api.SignInAsync(carol, Tenant.Carol);

        await carol.UploadToDropzoneAsync(Tenant.Dropzone, [RandomContent.File("scan.bin", content)], cancellationToken: Token);

        var files = api.Services.GetRequiredService<WorkspaceFiles>();
        var reader = new WorkspaceActor(Resources.Identity.EmailAddress.Parse(Tenant.Alice), null);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Outcome<FileDownload> copied;
        while ((copied = await files.DownloadAsync("archive", "uploads/scan.bin", reader, Token)).Problem is not null)
            await Task.Delay(50, deadline.Token);
        await using var stream = copied.Value!.Content;
        using var plaintext = new MemoryStream();
        await stream.CopyToAsync(plaintext, Token);
        Assert.Equal(content, plaintext.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_GiveEveryReaderTheSameBytes_When_UploadedToADropzone(bool direct)
    {
        await using var api = Host(direct);
        var big = RandomContent.Bytes(9 * RandomContent.MiB);
        var (carol, carolApi, carolStorage) = api.NewClient();
        using var carolClient = carol;
        await api.SignInAsync(carol, Tenant.Carol);

        var link = await carol.UploadToDropzoneAsync(Tenant.Dropzone, [RandomContent.File("scan.bin", big), RandomContent.File("empty.txt", [])], "Invoice 42 attached", cancellationToken: Token);

        foreach (var reader in new[] { Tenant.Alice, Tenant.Bob, Tenant.Carol })
        {
            var (client, _, _) = api.NewClient();
            using var readerClient = client;
            await api.SignInAsync(client, reader);
            var opened = await client.OpenAsync(SecureLink.Parse(link.Url), Token);
            Assert.Equal("Invoice 42 attached", opened.Message);
            Assert.Equal(Tenant.Carol, opened.Sender);
            var folder = Directory.CreateTempSubdirectory("safedrop-e2e").FullName;
            var paths = await client.DownloadAsync(opened, folder, cancellationToken: Token);
            Assert.Equal(big, await File.ReadAllBytesAsync(paths[0], Token));
            Assert.Empty(await File.ReadAllBytesAsync(paths[1], Token));
            Directory.Delete(folder, recursive: true);
        }

        Assert.Equal(direct, carolStorage.Requests.Count > 0);
        Assert.All(carolStorage.Requests, r => Assert.DoesNotContain(r.Headers, h => h.StartsWith("Authorization", StringComparison.OrdinalIgnoreCase)));
        KeycodeSearch.AssertAbsentFromRequests(link.Keycode!, carolApi.Requests.Concat(carolStorage.Requests));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_NeverLetTheKeycodeReachTheApi_When_SendingAndDownloading(bool direct)
    {
        await using var api = Host(direct);
        var content = RandomContent.Bytes(9 * RandomContent.MiB + 17);
        var (alice, aliceApi, aliceStorage) = api.NewClient();
        using var aliceClient = alice;
        var (bob, bobApi, bobStorage) = api.NewClient();
        using var bobClient = bob;
        await api.SignInAsync(alice, Tenant.Alice);
        await api.SignInAsync(bob, Tenant.Bob);

        var link = await alice.SendAsync([Tenant.Bob], [RandomContent.File("report.bin", content), RandomContent.File("empty", [])], "for your eyes", cancellationToken: Token);
        using var asRecipient = new MemoryStream();
        await bob.DownloadAsync(SecureLink.Parse(link.Url), "report.bin", asRecipient, cancellationToken: Token);
        using var asSender = new MemoryStream();
        await alice.DownloadAsync(SecureLink.Parse(link.Url), "report.bin", asSender, cancellationToken: Token);

        Assert.Equal(content, asRecipient.ToArray());
        Assert.Equal(content, asSender.ToArray());
        var all = aliceApi.Requests.Concat(aliceStorage.Requests).Concat(bobApi.Requests).Concat(bobStorage.Requests).ToList();
        Assert.Contains(all, r => r.Method == HttpMethod.Put);
        KeycodeSearch.AssertAbsentFromRequests(link.Keycode!, all);
        await KeycodeSearch.AssertAbsentFromStorageAsync(link.Keycode!, api);
        KeycodeSearch.AssertAbsentFromLogs(link.Keycode!, api);
    }

    [Fact]
    public async Task Should_RefuseSomeoneOutsideThePackage_When_TheyHoldTheLink()
    {
        await using var api = Host(direct: false);
        var (alice, _, _) = api.NewClient();
        using var aliceClient = alice;
        var (mallory, _, _) = api.NewClient();
        using var malloryClient = mallory;
        await api.SignInAsync(alice, Tenant.Alice);
        await api.SignInAsync(mallory, Tenant.Mallory);
        var link = await alice.SendAsync([Tenant.Bob], [RandomContent.File("a.txt", [1, 2, 3])], cancellationToken: Token);

        var error = await Assert.ThrowsAsync<SafedropApiException>(() => mallory.OpenAsync(link, Token));

        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.True(error.Is("access-denied"), error.Type);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_ResendOnlyMissingParts_When_AnInterruptedUploadResumes(bool direct)
    {
        await using var api = Host(direct);
        var (alice, aliceApi, aliceStorage) = api.NewClient(new SafedropClientOptions { Parallelism = 1, RetryDelay = TimeSpan.FromMilliseconds(1) });
        using var aliceClient = alice;
        await api.SignInAsync(alice, Tenant.Alice);
        var content = RandomContent.Bytes(4 * EncryptionFormat.PartSize + 1000);
        var files = new[] { RandomContent.File("big.bin", content) };
        var session = await alice.StartSendAsync([Tenant.Bob], files, cancellationToken: Token);
        var transfers = direct ? aliceStorage : aliceApi;
        var puts = 0;
        // The connection "drops" for good after two parts: a non-retryable refusal from then on.
        transfers.Intercept = request => request.Method == HttpMethod.Put && Interlocked.Increment(ref puts) > 2 ? new HttpResponseMessage(HttpStatusCode.BadRequest) : null;

        await Assert.ThrowsAsync<SafedropApiException>(() => alice.UploadAsync(session, files, cancellationToken: Token));
        Assert.Equal([0L, 1L], session.UploadedParts("f0"));
        transfers.Intercept = null;
        var before = transfers.Requests.Count(r => r.Method == HttpMethod.Put);

        var link = await alice.UploadAsync(session, files, cancellationToken: Token);

        Assert.Equal(3, transfers.Requests.Count(r => r.Method == HttpMethod.Put) - before);
        using var output = new MemoryStream();
        await alice.DownloadAsync(link, "big.bin", output, cancellationToken: Token);
        Assert.Equal(content, output.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_FailTheDownloadClearly_When_AStoredPartWasTamperedWith(bool direct)
    {
        await using var api = Host(direct);
        var (alice, _, _) = api.NewClient();
        using var aliceClient = alice;
        await api.SignInAsync(alice, Tenant.Alice);
        var link = await alice.SendAsync([Tenant.Bob], [RandomContent.File("a.bin", RandomContent.Bytes(EncryptionFormat.PartSize + 10))], cancellationToken: Token);
        var key = $"packages/{link.PackageId}/files/f0/000001";
        byte[] stored;
        await using (var stream = await api.Store.OpenReadAsync(key, Token))
        {
            using var copy = new MemoryStream();
            await stream!.CopyToAsync(copy, Token);
            stored = copy.ToArray();
        }

        stored[20] ^= 0x01;
        await api.Store.PutAsync(key, new MemoryStream(stored), stored.Length, Token);
        var folder = Directory.CreateTempSubdirectory("safedrop-e2e").FullName;

        var error = await Assert.ThrowsAsync<PackageIntegrityException>(() => alice.DownloadAsync(link, folder, cancellationToken: Token));

        Assert.Contains("Part 1 of a.bin failed authentication", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
        Directory.Delete(folder);
    }

    [Fact]
    public async Task Should_OpenWithoutTheLink_When_TheKeycodeWasWrappedForTheRecipientsDeviceKey()
    {
        await using var api = Host(direct: false);
        var (alice, aliceApi, _) = api.NewClient();
        using var aliceClient = alice;
        var (bob, _, _) = api.NewClient();
        using var bobClient = bob;
        await api.SignInAsync(alice, Tenant.Alice);
        await api.SignInAsync(bob, Tenant.Bob);
        using var deviceKey = DeviceKeyPair.Generate();
        var registered = await bob.RegisterDeviceKeyAsync(deviceKey, "laptop", Token);
        var content = RandomContent.Bytes(5000);

        var link = await alice.SendAsync([Tenant.Bob], [RandomContent.File("a.bin", content)], "wrapped", wrapForDevices: true, cancellationToken: Token);

        var opened = await bob.OpenWithDeviceKeyAsync(link.PackageId, registered.Id, deviceKey, Token);
        Assert.Equal("wrapped", opened.Message);
        using var output = new MemoryStream();
        await bob.DownloadFileAsync(opened, opened.Files[0], output, cancellationToken: Token);
        Assert.Equal(content, output.ToArray());
        KeycodeSearch.AssertAbsentFromRequests(link.Keycode!, aliceApi.Requests);
    }

    [Fact]
    public async Task Should_ListPackagesAndEndTheSession_When_SignedIn()
    {
        await using var api = Host(direct: false);
        var (alice, _, _) = api.NewClient();
        using var aliceClient = alice;
        var (bob, _, _) = api.NewClient();
        using var bobClient = bob;
        await api.SignInAsync(alice, Tenant.Alice);
        await api.SignInAsync(bob, Tenant.Bob);
        var link = await alice.SendAsync([Tenant.Bob], [RandomContent.File("a.txt", [1])], cancellationToken: Token);

        Assert.Equal(link.PackageId, Assert.Single(await alice.ListAsync(PackageBox.Sent, Token)).PackageId);
        Assert.Equal(link.PackageId, Assert.Single(await bob.ListAsync(PackageBox.Received, Token)).PackageId);
        Assert.Equal(Tenant.Alice, (await alice.GetMeAsync(Token)).Email);

        await alice.SignOutAsync(Token);
        alice.UseSessionToken("revoked-or-unknown");
        var error = await Assert.ThrowsAsync<SafedropApiException>(() => alice.GetMeAsync(Token));
        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
    }

    [Fact]
    public async Task Should_RecordTheSendersTransferCompleted_When_TheRecipientDownloadedEveryFile()
    {
        await using var api = Host(direct: false);
        var (alice, _, _) = api.NewClient();
        using var aliceClient = alice;
        var (bob, bobApi, _) = api.NewClient();
        using var bobClient = bob;
        await api.SignInAsync(alice, Tenant.Alice);
        await api.SignInAsync(bob, Tenant.Bob);
        var link = await alice.SendAsync([Tenant.Bob], [RandomContent.File("a.txt", [1, 2]), RandomContent.File("b.txt", [3])], cancellationToken: Token);
        var folder = Directory.CreateTempSubdirectory("safedrop-e2e").FullName;

        await bob.DownloadAsync(SecureLink.Parse(link.Url), folder, cancellationToken: Token);

        Directory.Delete(folder, recursive: true);
        // One report for the whole package, after both files were authenticated.
        Assert.Single(bobApi.Requests, r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/downloaded", StringComparison.Ordinal));
        var keys = new List<string>();
        await foreach (var info in api.Store.ListAsync("", Token)) keys.Add(info.Key);
        Assert.Equal(2, keys.Count(k => k.StartsWith(global::Safedrop.Api.Packages.PackageDownloads.MarkersPrefix(link.PackageId), StringComparison.Ordinal)));
        var recorded = Assert.Single(keys, k => k.StartsWith("workflows/events/", StringComparison.Ordinal) && k.EndsWith($"/transfer-completed-{link.PackageId}.json", StringComparison.Ordinal));
        await using var content = await api.Store.OpenReadAsync(recorded, Token);
        using var body = await System.Text.Json.JsonDocument.ParseAsync(content!, cancellationToken: Token);
        Assert.Equal(Tenant.Alice, body.RootElement.GetProperty("packageOwnerId").GetString());
    }
}
