namespace Safedrop.Api.Storage;

/// <summary>
/// The API's durable store: package parts, metadata records and the audit log. One real adapter
/// (Minio SDK against MinIO or any S3 endpoint) and one embedded adapter (a folder, local mode).
/// Keys are '/'-separated paths without a leading slash. Every failure to reach the store surfaces as
/// <see cref="StorageUnavailableException"/>, which the API answers with 503 and a retry hint.
/// </summary>
public interface IObjectStore
{
    /// <summary>Creates the bucket (or folder) when missing. Called at start and by readiness.</summary>
    Task EnsureReadyAsync(CancellationToken cancellationToken);

    /// <summary>Writes a whole object from a stream of known length; replaces an existing one atomically.</summary>
    Task PutAsync(string key, Stream content, long length, CancellationToken cancellationToken);

    /// <summary>Opens an object for streaming reads; null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Size and time of an object; null when it does not exist.</summary>
    Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every object whose key starts with <paramref name="prefix"/>, in key order.</summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Removes an object; removing a missing one is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// A URL a client outside the cluster can PUT or GET one object with, without credentials, until
    /// <paramref name="expiry"/>. Null when the store cannot be reached from outside (a folder, or S3
    /// without a public endpoint): the API then streams bytes through itself.
    /// </summary>
    Task<Uri?> PresignAsync(string key, TransferDirection direction, TimeSpan expiry, CancellationToken cancellationToken);
}

public enum TransferDirection
{
    Upload,
    Download,
}

public sealed record ObjectInfo(string Key, long Size, DateTimeOffset LastModified);
