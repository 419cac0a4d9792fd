using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Safedrop.Api.Storage;
using Safedrop.Crypto;

namespace Safedrop.Api.Encryption;

/// <summary>
/// Objects the server itself must read again (workspace files, workflow copies), encrypted at rest in
/// format v1's part format under a per-object data key. The data key, wrapped by the key-encryption key,
/// lives in a small record under <c>keys/data/</c>, so rotating the key-encryption key rewraps those
/// records and never touches the data. Reads and writes stream part by part: memory does not grow with size.
/// </summary>
public sealed class SealedObjects(IObjectStore store, IKeyWrapper keys)
{
    public const string KeyRecordPrefix = "keys/data/";
    private const string Scope = "server";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task PutAsync(string key, Stream plaintext, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var dataKey = DataKeyWrapper.NewDataKey();
        try
        {
            var pipe = new Pipe();
            using var cipher = new PartCipher(dataKey, Scope, key);
            var sealing = SealIntoAsync(plaintext, pipe.Writer, cipher, cancellationToken);
            await using (var sealedStream = pipe.Reader.AsStream())
                await store.PutAsync(key, sealedStream, EncryptionFormat.SealedLength(length), cancellationToken);
            await sealing;
            await SaveKeyRecordAsync(new DataKeyRecord(key, length, keys.Wrap(dataKey, Context(key))), cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The plaintext as a stream, or null when there is no such object. A tampered part fails the read.</summary>
    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        if (await LoadKeyRecordAsync(key, cancellationToken) is not { } record) return null;
        var source = await store.OpenReadAsync(key, cancellationToken);
        if (source is null) return null;
        var dataKey = keys.Unwrap(record.WrappedDataKey, Context(key));
        var pipe = new Pipe();
        _ = Task.Run(async () =>
        {
            using var cipher = new PartCipher(dataKey, Scope, key);
            CryptographicOperations.ZeroMemory(dataKey);
            Exception? failure = null;
            try
            {
                await using (source)
                await using (var destination = pipe.Writer.AsStream(leaveOpen: true))
                    await PartStreams.OpenAsync(source, destination, cipher, cancellationToken);
            }
            catch (Exception e)
            {
                failure = e;
            }
            await pipe.Writer.CompleteAsync(failure);
        }, CancellationToken.None);
        return pipe.Reader.AsStream();
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(key, cancellationToken);
        await store.DeleteAsync(KeyRecordKey(key), cancellationToken);
    }

    /// <summary>Rewraps every data key not yet under the current key-encryption key; the data objects stay as they are.</summary>
    public async Task<(int Rewrapped, int Current)> RewrapAllAsync(CancellationToken cancellationToken)
    {
        var (rewrapped, current) = (0, 0);
        await foreach (var entry in store.ListAsync(KeyRecordPrefix, cancellationToken))
        {
            await using var stream = await store.OpenReadAsync(entry.Key, cancellationToken);
            if (stream is null) continue;
            var record = await JsonSerializer.DeserializeAsync<DataKeyRecord>(stream, Json, cancellationToken);
            if (record is null) continue;
            if (keys.IsCurrent(record.WrappedDataKey))
            {
                current++;
                continue;
            }
            await SaveKeyRecordAsync(record with { WrappedDataKey = keys.Rewrap(record.WrappedDataKey, Context(record.Key)) }, cancellationToken);
            rewrapped++;
        }
        return (rewrapped, current);
    }

    private static async Task SealIntoAsync(Stream plaintext, PipeWriter writer, PartCipher cipher, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await using var destination = writer.AsStream(leaveOpen: true);
            await PartStreams.SealAsync(plaintext, destination, cipher, cancellationToken);
        }
        catch (Exception e)
        {
            failure = e;
        }
        await writer.CompleteAsync(failure);
    }

    private async Task SaveKeyRecordAsync(DataKeyRecord record, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record, Json);
        using var content = new MemoryStream(bytes);
        await store.PutAsync(KeyRecordKey(record.Key), content, bytes.Length, cancellationToken);
    }

    private async Task<DataKeyRecord?> LoadKeyRecordAsync(string key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(KeyRecordKey(key), cancellationToken);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<DataKeyRecord>(stream, Json, cancellationToken);
    }

    private static string KeyRecordKey(string key) => KeyRecordPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".json";

    private static string Context(string key) => "object/" + key;

    private sealed record DataKeyRecord(string Key, long Length, string WrappedDataKey);
}
