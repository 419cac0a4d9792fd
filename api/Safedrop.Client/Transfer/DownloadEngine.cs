using System.Buffers;
using System.Security.Cryptography;
using Safedrop.Crypto;

namespace Safedrop.Client.Transfer;

/// <summary>
/// Downloads a file's parts, <see cref="SafedropClientOptions.Parallelism"/> at a time, and writes them in order.
/// The window is the reordering buffer, twice the parallelism: a slow part holds back the writing but not the fetching,
/// because parts after it keep travelling until the window is full; at most 2 × Parallelism pooled part buffers exist
/// whatever the file size. Each part is fetched and opened (with its index and last-part flag) by its own task, so
/// decryption runs in parallel too; only writing is in order, and nothing unauthenticated ever reaches the destination.
/// </summary>
internal sealed class DownloadEngine(PartTransport transport, SafedropClientOptions options)
{
    private const int BufferSize = EncryptionFormat.PartSize + EncryptionFormat.PartOverhead;

    public async Task<long> DownloadAsync(
        OpenedPackage package, PackageFile file, Stream destination, PartUrlCache urls, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var key = package.FileKey(file.FileId);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = new Queue<(long Part, byte[] Buffer, Task<int> Fetch)>();
        using var fetching = new SemaphoreSlim(options.Parallelism, options.Parallelism);
        long next = 0;
        long written = 0;
        try
        {
            while (next < file.PartCount || window.Count > 0)
            {
                while (window.Count < 2 * options.Parallelism && next < file.PartCount)
                {
                    var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
                    window.Enqueue((next, buffer, FetchAndOpenAsync(key, package.PackageId, file, next, buffer, urls, fetching, failed.Token)));
                    next++;
                }

                var (part, partBuffer, fetch) = window.Dequeue();
                try
                {
                    var plaintext = await fetch;
                    await destination.WriteAsync(partBuffer.AsMemory(EncryptionFormat.NonceSize, plaintext), cancellationToken);
                    written += plaintext;
                    progress?.Report(new TransferProgress(file.Name, written, file.Size));
                }
                finally
                {
                    Release(partBuffer);
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

                Release(buffer);
            }

            // Zeroed last: the parts still in flight above were opening with it.
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Fetches one part into <paramref name="buffer"/> and opens it in place; returns the plaintext length (after the nonce).</summary>
    /// <summary>
    /// Zeroes what a part buffer held (plaintext) and pools it again. The pool hands out 8 MiB for a 4 MiB part; clearing
    /// only the part's bytes instead of the whole array halves the memset on every part.
    /// </summary>
    private static void Release(byte[] buffer)
    {
        CryptographicOperations.ZeroMemory(buffer.AsSpan(0, BufferSize));
        ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <param name="fetching">Admits <see cref="SafedropClientOptions.Parallelism"/> parts at a time, in the order they queued.</param>
    private async Task<int> FetchAndOpenAsync(
        byte[] key, string packageId, PackageFile file, long part, byte[] buffer, PartUrlCache urls, SemaphoreSlim fetching, CancellationToken cancellationToken)
    {
        await fetching.WaitAsync(cancellationToken);
        try
        {
            await Task.Yield();
            var expected = (int)EncryptionFormat.SealedPartLength(file.Size, part);
            var length = await transport.GetAsync(urls, file.FileId, part, buffer.AsMemory(0, expected), cancellationToken);
            if (length != expected)
                throw new PackageIntegrityException($"Part {part} of {file.Name} is {length} bytes; it was sealed as {expected}: the stored data was altered or cut.");
            // A cipher per part: PartCipher reuses buffers and is not shared between threads.
            using var cipher = new PartCipher(key, packageId, file.FileId);
            return Open(cipher, file, part, buffer.AsSpan(0, length));
        }
        finally
        {
            fetching.Release();
        }
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
