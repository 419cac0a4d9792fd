using System.Text;
using Safedrop.Client.Api;
using Safedrop.Client.Transfer;
using Safedrop.Crypto;

namespace Safedrop.Client;

// Opening and downloading: the API decides access for the signed-in address and checks the keycode proof (the
// verifier, or a device key the keycode was wrapped for) before it releases the server secret and part URLs.
public sealed partial class SafedropClient
{
    private const string PartialSuffix = ".safedrop-partial";

    /// <summary>Opens a package with its secure link (the keycode proof is the verifier, never the keycode).</summary>
    public async Task<OpenedPackage> OpenAsync(SecureLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var keycode = link.Keycode ?? throw new ArgumentException("The link has no keycode (#k=…); open it with a device key instead.", nameof(link));
        var proof = new OpenPackageRequest(Base64Url.Encode(keycode.DeriveVerifier()), null);
        var body = await OpenBodyAsync(link.PackageId, proof, cancellationToken);
        return Opened(body, keycode, proof);
    }

    /// <summary>Opens a package without the link, with a device key the sender wrapped the keycode for.</summary>
    /// <exception cref="KeyUnwrapException">The wrapped keycode does not open with this private key.</exception>
    public async Task<OpenedPackage> OpenWithDeviceKeyAsync(string packageId, string deviceKeyId, DeviceKeyPair deviceKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceKeyId);
        ArgumentNullException.ThrowIfNull(deviceKey);
        var proof = new OpenPackageRequest(null, deviceKeyId);
        var body = await OpenBodyAsync(packageId, proof, cancellationToken);
        if (body.WrappedKeycode is not { } wrapped || !Base64Url.TryDecode(wrapped, out var wrappedBytes))
            throw new SafedropApiException($"The API opened package {packageId} but gave no wrapped keycode for device key {deviceKeyId}.");
        return Opened(body, DeviceKeyWrap.Unwrap(deviceKey, wrappedBytes, body.PackageId), proof);
    }

    /// <summary>Decrypts one file into <paramref name="destination"/>, in order.</summary>
    /// <exception cref="PackageIntegrityException">A part was altered: discard what was written.</exception>
    public async Task<long> DownloadFileAsync(OpenedPackage package, PackageFile file, Stream destination, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(destination);
        using var urls = DownloadUrls(package);
        return await new DownloadEngine(transport, options).DownloadAsync(package, file, destination, urls, progress, cancellationToken);
    }

    /// <summary>
    /// Opens the link and writes every file into <paramref name="folder"/> (never overwriting: "a (1).txt" when "a.txt"
    /// exists). A file appears under its name only once fully downloaded and authenticated.
    /// </summary>
    /// <returns>The paths written, in the package's file order.</returns>
    public async Task<IReadOnlyList<string>> DownloadAsync(SecureLink link, string folder, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default) =>
        await DownloadAsync(await OpenAsync(link, cancellationToken), folder, progress, cancellationToken);

    public async Task<IReadOnlyList<string>> DownloadAsync(OpenedPackage package, string folder, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var downloaded = new List<string>();
        try
        {
            await WriteFilesAsync(package, folder, written, downloaded, progress, cancellationToken);
        }
        finally
        {
            // Even when a later file fails, the ones already authenticated count towards the sender's TransferCompleted.
            await ReportDownloadedAsync(package, downloaded, cancellationToken);
        }

        return written;
    }

    private async Task WriteFilesAsync(OpenedPackage package, string folder, List<string> written, List<string> downloaded, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        foreach (var file in package.Files)
        {
            var target = LocalFileNames.Free(folder, file.Name);
            var partial = target + PartialSuffix;
            try
            {
                await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
                {
                    await DownloadFileAsync(package, file, output, progress, cancellationToken);
                }

                File.Move(partial, target);
                written.Add(target);
                downloaded.Add(file.FileId);
            }
            catch
            {
                // Unauthenticated or incomplete plaintext must not stay behind looking like a finished file.
                File.Delete(partial);
                throw;
            }
        }
    }

    /// <summary>Opens with the link and downloads one file into a stream of the caller's.</summary>
    public async Task<long> DownloadAsync(SecureLink link, string fileName, Stream destination, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var package = await OpenAsync(link, cancellationToken);
        var file = package.Files.FirstOrDefault(f => f.Name == fileName) ?? throw new ArgumentException($"The package has no file {fileName}.", nameof(fileName));
        var length = await DownloadFileAsync(package, file, destination, progress, cancellationToken);
        await ReportDownloadedAsync(package, [file.FileId], cancellationToken);
        return length;
    }

    /// <summary>
    /// Tells the API which files were downloaded completely and authenticated (it cannot see downloads through storage
    /// URLs; the sender's TransferCompleted depends on these reports). <see cref="DownloadFileAsync"/> alone does not
    /// report: its caller decides when a file counts as delivered.
    /// </summary>
    private async Task ReportDownloadedAsync(OpenedPackage package, List<string> fileIds, CancellationToken cancellationToken)
    {
        if (fileIds.Count == 0 || cancellationToken.IsCancellationRequested) return;
        try
        {
            await connection.SendAsync(HttpMethod.Post, $"v1/packages/{Uri.EscapeDataString(package.PackageId)}/downloaded", new DownloadedRequest(fileIds), cancellationToken);
        }
        catch (Exception e) when (e is SafedropApiException or HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The files are on the reader's side, authenticated: a lost report only delays or loses the sender's
            // TransferCompleted workflow, which must never turn a good download into a failure. There is no logger here.
        }
    }

    private Task<OpenedPackageBody> OpenBodyAsync(string packageId, OpenPackageRequest proof, CancellationToken cancellationToken) =>
        connection.SendAsync<OpenedPackageBody>(HttpMethod.Post, $"v1/packages/{Uri.EscapeDataString(packageId)}/open", proof, cancellationToken);

    private static OpenedPackage Opened(OpenedPackageBody body, Keycode keycode, OpenPackageRequest proof)
    {
        string? message = null;
        if (body.Message is { } sealedMessage)
        {
            var key = PackageKeys.DeriveMessageKey(keycode, Base64Url.Decode(body.ServerSecret), body.PackageId);
            using var cipher = new PartCipher(key, body.PackageId, PackageKeys.MessageFileId);
            try
            {
                message = Encoding.UTF8.GetString(cipher.Open(0, isLast: true, Base64Url.Decode(sealedMessage)));
            }
            catch (PartAuthenticationException e)
            {
                throw new PackageIntegrityException("The package's message failed authentication: it was altered.", e);
            }
        }

        return new OpenedPackage(body, keycode, message, proof);
    }

    /// <summary>The URLs the open gave; when they expire, the package is opened again (the same proof) for new ones.</summary>
    private PartUrlCache DownloadUrls(OpenedPackage package)
    {
        var cache = new PartUrlCache(async (fileId, _, cancellationToken) =>
        {
            var body = await OpenBodyAsync(package.PackageId, package.Proof, cancellationToken);
            return body.Files.FirstOrDefault(f => f.FileId == fileId)?.Parts ?? [];
        }, time);
        foreach (var (fileId, parts) in package.PartUrls) cache.Add(fileId, parts);
        return cache;
    }
}
