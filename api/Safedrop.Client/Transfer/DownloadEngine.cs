using System.Buffers;
using System.Security.Cryptography;
using Safedrop.Crypto;

namespace Safedrop.Client.Transfer;

/// <summary>
/// Downloads a file's parts, <see cref="SafedropClientOptions.Parallelism"/> at a time, and writes them in order.
/// The window is the reordering buffer: part i+Parallelism starts only after part i was written, so at most
/// Parallelism pooled part buffers exist whatever the file size. Each part is opened with its index and last-part
/// flag before its plaintext is written, so nothing unauthenticated ever reaches the destination.
/// </summary>
internal sealed class DownloadEngine(PartTransport transport, SafedropClientOptions options)
{
    private const int BufferSize = EncryptionFormat.PartSize + EncryptionFormat.PartOverhead;

    public async Task<long> DownloadAsync(
        OpenedPackage package, PackageFile file, Stream destination, PartUrlCache urls, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var key = package.FileKey(file.FileId);
        using var cipher = new PartCipher(key, package.PackageId, file.FileId);
        CryptographicOperations.ZeroMemory(key);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = new Queue<(long Part, byte[] Buffer, Task<int> Fetch)>();
        long next = 0;
        long written = 0;
        try
        {
            while (next < file.PartCount || window.Count > 0)
            {
                while (window.Count < options.Parallelism && next < file.PartCount)
                {
                    var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
                    window.Enqueue((next, buffer, FetchAsync(file, next, buffer, urls, failed.Token)));
                    next++;
                }

                var (part, partBuffer, fetch) = window.Dequeue();
                try
                {
                    var sealedLength = await fetch;
                    var plaintext = Open(cipher, file, part, partBuffer.AsSpan(0, sealedLength));
                    await destination.WriteAsync(partBuffer.AsMemory(EncryptionFormat.NonceSize, plaintext), cancellationToken);
                    written += plaintext;
                    progress?.Report(new TransferProgress(file.Name, written, file.Size));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(partBuffer, clearArray: true);
                }
            }

            return written;
        }
        finally
        {
            // On failure: stop the parts still travelling and return their buffers once they let go.
            await failed.CancelAsync();
            foreach (var (_, buffer, fetch) in window)
            {
                try
                {
                    await fetch;
                }
                catch (Exception)
                {
                    // A consequence of the failure being reported.
                }

                ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            }
        }
    }

    private async Task<int> FetchAsync(PackageFile file, long part, byte[] buffer, PartUrlCache urls, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var expected = (int)EncryptionFormat.SealedPartLength(file.Size, part);
        var length = await transport.GetAsync(urls, file.FileId, part, buffer.AsMemory(0, expected), cancellationToken);
        if (length != expected)
            throw new PackageIntegrityException($"Part {part} of {file.Name} is {length} bytes; it was sealed as {expected}: the stored data was altered or cut.");
        return length;
    }

    private static int Open(PartCipher cipher, PackageFile file, long part, Span<byte> sealedPart)
    {
        try
        {
            return cipher.Open(part, part == file.PartCount - 1, sealedPart, sealedPart[EncryptionFormat.NonceSize..]);
        }
        catch (PartAuthenticationException e)
        {
            throw new PackageIntegrityException(
                $"Part {part} of {file.Name} failed authentication: it was altered, or does not belong at this place of this package. Discard what was written of this file.", e);
        }
    }
}
