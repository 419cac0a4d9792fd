using System.Text;
using System.Text.Json;
using Safedrop.Client.Api;
using Safedrop.Client.Transfer;
using Safedrop.Crypto;

namespace Safedrop.Client;

// Sending: create the package (verifier only), seal and upload every part, then complete with the sealed message
// and the keycode wrapped for recipients' device keys. Completion names faulty parts (409 upload-incomplete), which
// are sent again, so an interrupted upload resumes with only what is missing.
public sealed partial class SafedropClient
{
    /// <summary>The longest message accepted, in UTF-8 bytes (the API takes 96 KiB of sealed base64url).</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>Sends files to recipients (a registered sender's package) and returns the secure link.</summary>
    /// <param name="wrapForDevices">Also wrap the keycode for the recipients' trusted device keys, so they can open it without the link.</param>
    public async Task<SecureLink> SendAsync(
        IReadOnlyList<string> recipients, IReadOnlyList<UploadFile> files, string? message = null, bool wrapForDevices = false,
        IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var session = await StartSendAsync(recipients, files, message, wrapForDevices, cancellationToken);
        return await UploadAsync(session, files, progress, cancellationToken);
    }

    /// <summary>Uploads files to a Dropzone (anyone signed in by PIN) and returns the secure link.</summary>
    public async Task<SecureLink> UploadToDropzoneAsync(
        string dropzone, IReadOnlyList<UploadFile> files, string? message = null,
        IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var session = await StartDropzoneUploadAsync(dropzone, files, message, cancellationToken);
        return await UploadAsync(session, files, progress, cancellationToken);
    }

    /// <summary>Creates a package for recipients; nothing is uploaded yet. Keep the session to resume.</summary>
    public Task<UploadSession> StartSendAsync(
        IReadOnlyList<string> recipients, IReadOnlyList<UploadFile> files, string? message = null, bool wrapForDevices = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0) throw new ArgumentException("Send to at least one recipient.", nameof(recipients));
        return StartAsync("v1/packages", recipients, files, message, wrapForDevices ? recipients : [], cancellationToken);
    }

    /// <summary>Creates a package in a Dropzone; nothing is uploaded yet. Keep the session to resume.</summary>
    public Task<UploadSession> StartDropzoneUploadAsync(string dropzone, IReadOnlyList<UploadFile> files, string? message = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dropzone);
        return StartAsync($"v1/dropzones/{Uri.EscapeDataString(dropzone)}/packages", null, files, message, [], cancellationToken);
    }

    /// <summary>
    /// Uploads the parts of <paramref name="session"/> not stored yet and completes the package. Call it again with the
    /// same session and files after a failure: only missing parts travel again.
    /// </summary>
    public async Task<SecureLink> UploadAsync(UploadSession session, IReadOnlyList<UploadFile> files, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count != session.Files.Count) throw new ArgumentException($"The package has {session.Files.Count} file(s); {files.Count} given.", nameof(files));
        if (session.IsComplete) return session.Link;

        var engine = new UploadEngine(transport, options);
        var pending = session.Files.ToDictionary(f => f.FileId, f => (IReadOnlyList<long>)[.. Enumerable.Range(0, checked((int)f.PartCount)).Select(p => (long)p).Where(p => !session.IsUploaded(f.FileId, p))]);
        for (var round = 1; ; round++)
        {
            using var urls = UploadUrls(session, pending);
            await engine.UploadAsync(session, files, pending, urls, progress, cancellationToken);
            try
            {
                await connection.SendAsync(HttpMethod.Post, $"v1/packages/{session.PackageId}/complete", await CompletionAsync(session, cancellationToken), cancellationToken);
            }
            catch (SafedropApiException e) when (e.Is("package-not-pending"))
            {
                // An earlier completion went through although its answer was lost.
            }
            catch (SafedropApiException e) when (e.Is("upload-incomplete") && round < options.MaxCompleteRounds && FaultyParts(e) is { Count: > 0 } faulty)
            {
                foreach (var part in faulty) session.MarkMissing(part.FileId, part.Part);
                pending = faulty.GroupBy(p => p.FileId).ToDictionary(g => g.Key, g => (IReadOnlyList<long>)[.. g.Select(p => p.Part).Distinct().Order()]);
                continue;
            }

            session.IsComplete = true;
            return session.Link;
        }
    }

    private async Task<UploadSession> StartAsync(
        string path, IReadOnlyList<string>? recipients, IReadOnlyList<UploadFile> files, string? message, IReadOnlyList<string> wrapFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new ArgumentException("Send at least one file.", nameof(files));
        if (message is not null && Encoding.UTF8.GetByteCount(message) > MaxMessageBytes)
            throw new ArgumentException($"The message is longer than {MaxMessageBytes} bytes.", nameof(message));

        var keycode = Keycode.Generate();
        var request = new CreatePackageRequest(recipients, [.. files.Select(f => new NewFile(f.Name, f.Length, f.ContentType))], Base64Url.Encode(keycode.DeriveVerifier()));
        var created = await connection.SendAsync<CreatedPackage>(HttpMethod.Post, path, request, cancellationToken);
        if (created.PartSize != EncryptionFormat.PartSize)
            throw new SafedropApiException($"The server uses parts of {created.PartSize} bytes; this client speaks format v1 ({EncryptionFormat.PartSize}).");
        if (created.Files.Count != files.Count)
            throw new SafedropApiException($"The server registered {created.Files.Count} file(s) of {files.Count}.");

        var sealedMessage = message is null ? null : SealMessage(keycode, Base64Url.Decode(created.ServerSecret), created.PackageId, message);
        return new UploadSession(BaseAddress, created.PackageId, keycode, Base64Url.Decode(created.ServerSecret),
            [.. created.Files.Select(f => new UploadSessionFile(f.FileId, f.Name, f.Size, f.PartCount))])
        {
            Message = sealedMessage,
            WrapFor = wrapFor,
            WrapForWorkflows = created.WrapFor ?? [],
        };
    }

    /// <summary>The message is a one-part file with id "message", sealed once the package id and server secret are known.</summary>
    private static string SealMessage(Keycode keycode, byte[] serverSecret, string packageId, string message)
    {
        var key = PackageKeys.DeriveMessageKey(keycode, serverSecret, packageId);
        using var cipher = new PartCipher(key, packageId, PackageKeys.MessageFileId);
        return Base64Url.Encode(cipher.Seal(0, isLast: true, Encoding.UTF8.GetBytes(message)));
    }

    private async Task<CompletePackageRequest> CompletionAsync(UploadSession session, CancellationToken cancellationToken)
    {
        var targets = session.WrapForWorkflows.Select(t => (t.Recipient, Id: t.DeviceKeyId, t.PublicKey)).ToList();
        if (session.WrapFor.Count > 0)
        {
            foreach (var recipient in await RecipientDeviceKeysAsync(session.WrapFor, cancellationToken))
                targets.AddRange(recipient.Keys.Select(key => (recipient.Email, key.Id, key.PublicKey)));
        }
        if (targets.Count == 0) return new CompletePackageRequest(session.Message, null);

        // A recipient's workflow key comes both ways; wrap it once.
        var wrapped = targets.DistinctBy(t => (t.Recipient, t.Id))
            .Select(t => new NewWrappedKeycode(t.Recipient, t.Id, Base64Url.Encode(DeviceKeyWrap.Wrap(session.Keycode, t.PublicKey, session.PackageId))))
            .ToList();
        return new CompletePackageRequest(session.Message, wrapped);
    }

    private PartUrlCache UploadUrls(UploadSession session, Dictionary<string, IReadOnlyList<long>> pending) =>
        new(async (fileId, first, cancellationToken) =>
        {
            // The next batch of this file's parts still to send, starting at the one asked for.
            var parts = pending.TryGetValue(fileId, out var list) ? list.Where(p => p >= first).Take(options.UrlBatchSize).ToList() : [];
            if (parts.Count == 0 || parts[0] != first) parts.Insert(0, first);
            var answer = await connection.SendAsync<TransferUrls>(HttpMethod.Post, $"v1/packages/{session.PackageId}/upload-urls", new UploadUrlsRequest(fileId, parts), cancellationToken);
            return answer.Urls;
        }, time);

    private static List<FaultyPart> FaultyParts(SafedropApiException problem)
    {
        if (problem.Problem is not { } document || !document.TryGetProperty("parts", out var parts) || parts.ValueKind != JsonValueKind.Array) return [];
        return parts.Deserialize<List<FaultyPart>>(ApiJson.Options) ?? [];
    }
}
