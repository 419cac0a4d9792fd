using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Packages;

/// <summary>
/// Where packages live in object storage: the record, the sealed parts and small index objects
/// (empty markers) for the sent and received boxes, Dropzones, expiry and pending uploads.
/// </summary>
public sealed class PackageStore(IObjectStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string RecordKey(string packageId) => $"packages/{packageId}/package.json";

    public static string PartKey(string packageId, string fileId, long part) =>
        $"packages/{packageId}/files/{fileId}/{part.ToString("D6", CultureInfo.InvariantCulture)}";

    public async Task<PackageRecord?> GetAsync(string packageId, CancellationToken cancellationToken)
    {
        if (!PackageIds.IsWellFormed(packageId)) return null;
        await using var stream = await store.OpenReadAsync(RecordKey(packageId), cancellationToken);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<PackageRecord>(stream, Json, cancellationToken);
    }

    public async Task SaveAsync(PackageRecord package, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(package, Json);
        using var content = new MemoryStream(bytes);
        await store.PutAsync(RecordKey(package.Id), content, bytes.Length, cancellationToken);
    }

    /// <summary>The stored size of every part of a package, by part key: one listing instead of a request per part.</summary>
    public async Task<IReadOnlyDictionary<string, long>> PartSizesAsync(string packageId, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var entry in store.ListAsync($"packages/{packageId}/files/", cancellationToken)) sizes[entry.Key] = entry.Size;
        return sizes;
    }

    public Task MarkAsync(PackageIndex index, string owner, string packageId, CancellationToken cancellationToken) =>
        store.PutAsync(IndexKey(index, owner, packageId), Stream.Null, 0, cancellationToken);

    public Task UnmarkAsync(PackageIndex index, string owner, string packageId, CancellationToken cancellationToken) =>
        store.DeleteAsync(IndexKey(index, owner, packageId), cancellationToken);

    /// <summary>Package ids in an index, e.g. the sent box of an address or the packages expiring by an hour.</summary>
    public async IAsyncEnumerable<string> ListAsync(PackageIndex index, string owner, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = IndexKey(index, owner, "");
        await foreach (var entry in store.ListAsync(prefix, cancellationToken))
            yield return entry.Key[prefix.Length..];
    }

    /// <summary>Every index owner (a bucket such as an expiry hour) under an index, in key order.</summary>
    public async IAsyncEnumerable<(string Owner, string PackageId)> ListAllAsync(PackageIndex index, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = $"index/{IndexFolder(index)}/";
        await foreach (var entry in store.ListAsync(prefix, cancellationToken))
        {
            var rest = entry.Key[prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0) yield return (rest[..slash], rest[(slash + 1)..]);
        }
    }

    /// <summary>Removes the parts and the record; each step is idempotent, so an interrupted delete is finished by the next sweep.</summary>
    public async Task DeleteContentAsync(string packageId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var entry in store.ListAsync($"packages/{packageId}/files/", cancellationToken)) keys.Add(entry.Key);
        await foreach (var entry in store.ListAsync(PackageDownloads.MarkersPrefix(packageId), cancellationToken)) keys.Add(entry.Key);
        foreach (var key in keys) await store.DeleteAsync(key, cancellationToken);
        await store.DeleteAsync(RecordKey(packageId), cancellationToken);
    }

    /// <summary>An address as an object-key segment: no '@' or case questions, and not reversible from a listing.</summary>
    public static string AddressKey(string normalisedAddress) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalisedAddress)))[..32];

    public static string HourKey(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static string IndexKey(PackageIndex index, string owner, string packageId) => $"index/{IndexFolder(index)}/{owner}/{packageId}";

    private static string IndexFolder(PackageIndex index) => index switch
    {
        PackageIndex.Sent => "sent",
        PackageIndex.Received => "received",
        PackageIndex.Dropzone => "dropzones",
        PackageIndex.Expiry => "expiry",
        PackageIndex.Pending => "pending",
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

public enum PackageIndex
{
    /// <summary>Owner: the sender's address key.</summary>
    Sent,
    /// <summary>Owner: a recipient's address key (direct recipients, and a Dropzone's owner and members).</summary>
    Received,
    /// <summary>Owner: the Dropzone name.</summary>
    Dropzone,
    /// <summary>Owner: the UTC hour (yyyyMMddHH) the package expires in.</summary>
    Expiry,
    /// <summary>Owner: the UTC hour the upload started; cleared on completion.</summary>
    Pending,
}
