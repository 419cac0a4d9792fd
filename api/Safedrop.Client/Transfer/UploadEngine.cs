using System.Buffers;
using System.Security.Cryptography;
using Safedrop.Crypto;

namespace Safedrop.Client.Transfer;

/// <summary>
/// Seals files part by part and uploads the parts, <see cref="SafedropClientOptions.Parallelism"/> at a time. A part
/// exists in memory only from its sealing to the end of its upload, in a pooled buffer, so memory stays at
/// Parallelism parts whatever the file size. Files are read once, in order, on one thread (the cipher is not
/// thread-safe and reading in order suits any stream); only the network work runs in parallel.
/// </summary>
internal sealed class UploadEngine(PartTransport transport, SafedropClientOptions options)
{
    private const int BufferSize = EncryptionFormat.PartSize + EncryptionFormat.PartOverhead;

    /// <param name="partsToSend">Per file id, the parts to send (sorted); files not named are skipped.</param>
    public async Task UploadAsync(
        UploadSession session, IReadOnlyList<UploadFile> files, IReadOnlyDictionary<string, IReadOnlyList<long>> partsToSend,
        PartUrlCache urls, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new List<Task>(options.Parallelism);
        try
        {
            for (var i = 0; i < session.Files.Count; i++)
            {
                var file = session.Files[i];
                if (!partsToSend.TryGetValue(file.FileId, out var parts) || parts.Count == 0) continue;
                var counter = new ProgressCounter(file, session, progress);
                await SealFileAsync(session, file, files[i], parts, urls, counter, inFlight, failed.Token);
            }

            await Task.WhenAll(inFlight);
        }
        catch
        {
            // One part gave up: stop the others and wait for them, so that no buffer is returned while in use.
            await failed.CancelAsync();
            try
            {
                await Task.WhenAll(inFlight);
            }
            catch (Exception)
            {
                // Their failures (mostly cancellations) are consequences of the first one, which is rethrown.
            }

            throw;
        }
    }

    private async Task SealFileAsync(
        UploadSession session, UploadSessionFile file, UploadFile source, IReadOnlyList<long> parts, PartUrlCache urls,
        ProgressCounter counter, List<Task> inFlight, CancellationToken cancellationToken)
    {
        if (source.Length != file.Size)
            throw new ArgumentException($"{source.Name} is {source.Length} bytes; the package registered {file.Size}.", nameof(source));
        var key = session.FileKey(file.FileId);
        using var cipher = new PartCipher(key, session.PackageId, file.FileId);
        CryptographicOperations.ZeroMemory(key);
        var stream = source.Open();
        try
        {
            var reader = new PartReader(stream, file.Size);
            foreach (var part in parts)
            {
                if (inFlight.Count >= options.Parallelism)
                {
                    var done = await Task.WhenAny(inFlight);
                    inFlight.Remove(done);
                    await done;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
                try
                {
                    var length = await reader.ReadPartAsync(part, buffer.AsMemory(EncryptionFormat.NonceSize), cancellationToken);
                    var sealedLength = cipher.Seal(part, part == file.PartCount - 1, buffer.AsSpan(EncryptionFormat.NonceSize, length), buffer);
                    inFlight.Add(SendAsync(session, file, part, buffer, sealedLength, length, urls, counter, cancellationToken));
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw;
                }
            }
        }
        finally
        {
            if (source.OwnsStream) await stream.DisposeAsync();
        }
    }

    private async Task SendAsync(
        UploadSession session, UploadSessionFile file, long part, byte[] buffer, int sealedLength, int plaintextLength,
        PartUrlCache urls, ProgressCounter counter, CancellationToken cancellationToken)
    {
        try
        {
            // Off the sealing thread at once, so the next part is read and sealed while this one travels.
            await Task.Yield();
            await transport.PutAsync(urls, file.FileId, part, buffer.AsMemory(0, sealedLength), cancellationToken);
            session.MarkUploaded(file.FileId, part);
            counter.Add(plaintextLength);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Per-file progress, counted as parts finish (in any order).</summary>
    private sealed class ProgressCounter(UploadSessionFile file, UploadSession session, IProgress<TransferProgress>? progress)
    {
        private long done = session.UploadedParts(file.FileId).Sum(p => EncryptionFormat.SealedPartLength(file.Size, p) - EncryptionFormat.PartOverhead);

        public void Add(int bytes)
        {
            var total = Interlocked.Add(ref done, bytes);
            progress?.Report(new TransferProgress(file.Name, Math.Min(total, file.Size), file.Size));
        }
    }
}
