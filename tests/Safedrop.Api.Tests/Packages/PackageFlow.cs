using System.Net;
using System.Net.Http.Json;
using Safedrop.Api.Packages;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Crypto;

namespace Safedrop.Api.Tests.Packages;

/// <summary>What a client does to send a package, step by step through HTTP, encrypting with format v1.</summary>
internal static class PackageFlow
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Sent(string PackageId, Keycode Keycode, CreatedPackage Created);

    /// <summary>Creates, uploads every part and completes; the keycode stays here.</summary>
    /// <param name="wrapForWorkflows">Wrap the keycode for the keys the API asks for (workflow keys), as real clients do; false acts as a client that does not.</param>
    public static async Task<Sent> UploadAsync(
        HttpClient client, string createPath, IReadOnlyList<(string Name, byte[] Content)> files, string[]? recipients = null, string? message = null, bool wrapForWorkflows = true)
    {
        var created = await CreateAsync(client, createPath, files, Keycode.Generate(), recipients);
        await UploadPartsAsync(client, created.Created, created.Keycode, files);
        var sealedMessage = message is null ? null : SealMessage(created, message);
        var wrappedKeycodes = wrapForWorkflows
            ? created.Created.WrapFor.Select(t => new NewWrappedKeycode(t.Recipient, t.DeviceKeyId,
                Base64Url.Encode(DeviceKeyWrap.Wrap(created.Keycode, t.PublicKey, created.PackageId)))).ToList()
            : null;
        var completed = await client.PostAsJsonAsync($"/v1/packages/{created.PackageId}/complete", new { message = sealedMessage, wrappedKeycodes }, Ct);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        return created;
    }

    public static async Task<Sent> CreateAsync(HttpClient client, string createPath, IReadOnlyList<(string Name, byte[] Content)> files, Keycode keycode, string[]? recipients = null)
    {
        var response = await client.PostAsJsonAsync(createPath, new
        {
            recipients,
            files = files.Select(f => new { name = f.Name, size = f.Content.LongLength, contentType = "application/octet-stream" }),
            verifier = Base64Url.Encode(KeycodeVerifier.Derive(keycode)),
        }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var created = (await response.Content.ReadFromJsonAsync<CreatedPackage>(LocalApi.Json, Ct))!;
        return new Sent(created.PackageId, keycode, created);
    }

    public static async Task UploadPartsAsync(HttpClient client, CreatedPackage created, Keycode keycode, IReadOnlyList<(string Name, byte[] Content)> files, Func<string, long, bool>? skip = null)
    {
        var serverSecret = Base64Url.Decode(created.ServerSecret);
        foreach (var (file, (_, content)) in created.Files.Zip(files))
        {
            using var cipher = new PartCipher(PackageKeys.DeriveFileKey(keycode, serverSecret, created.PackageId, file.FileId), created.PackageId, file.FileId);
            var urls = await client.PostAsJsonAsync($"/v1/packages/{created.PackageId}/upload-urls", new { fileId = file.FileId, parts = Enumerable.Range(0, (int)file.PartCount) }, Ct);
            Assert.Equal(HttpStatusCode.OK, urls.StatusCode);
            foreach (var part in (await urls.Content.ReadFromJsonAsync<TransferUrls>(LocalApi.Json, Ct))!.Urls)
            {
                if (skip?.Invoke(file.FileId, part.Part) == true) continue;
                var start = (int)(part.Part * EncryptionFormat.PartSize);
                var plain = content.AsSpan(start, Math.Min(EncryptionFormat.PartSize, content.Length - start));
                using var body = new ByteArrayContent(cipher.Seal(part.Part, part.Part == file.PartCount - 1, plain));
                var put = await client.PutAsync(part.Url, body, Ct);
                Assert.True(put.IsSuccessStatusCode, $"PUT part {part.Part}: {put.StatusCode}");
            }
        }
    }

    public static Task<HttpResponseMessage> OpenAsync(HttpClient client, string packageId, Keycode keycode) =>
        client.PostAsJsonAsync($"/v1/packages/{packageId}/open", new { verifier = Base64Url.Encode(KeycodeVerifier.Derive(keycode)) }, Ct);

    /// <summary>Downloads every part of a file through its URLs and decrypts it.</summary>
    public static async Task<byte[]> DownloadAsync(HttpClient client, OpenedPackage opened, Keycode keycode, string fileId)
    {
        var file = opened.Files.Single(f => f.FileId == fileId);
        using var cipher = new PartCipher(PackageKeys.DeriveFileKey(keycode, Base64Url.Decode(opened.ServerSecret), opened.PackageId, fileId), opened.PackageId, fileId);
        using var plain = new MemoryStream();
        foreach (var part in file.Parts)
            plain.Write(cipher.Open(part.Part, part.Part == file.PartCount - 1, await client.GetByteArrayAsync(part.Url, Ct)));
        return plain.ToArray();
    }

    public static string OpenMessage(OpenedPackage opened, Keycode keycode)
    {
        using var cipher = new PartCipher(PackageKeys.DeriveMessageKey(keycode, Base64Url.Decode(opened.ServerSecret), opened.PackageId), opened.PackageId, "message");
        return System.Text.Encoding.UTF8.GetString(cipher.Open(0, true, Base64Url.Decode(opened.Message!)));
    }

    private static string SealMessage(Sent sent, string message)
    {
        using var cipher = new PartCipher(PackageKeys.DeriveMessageKey(sent.Keycode, Base64Url.Decode(sent.Created.ServerSecret), sent.PackageId), sent.PackageId, "message");
        return Base64Url.Encode(cipher.Seal(0, true, System.Text.Encoding.UTF8.GetBytes(message)));
    }

    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
