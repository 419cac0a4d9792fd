namespace Safedrop.Api.Storage;

/// <summary>
/// Section <c>Safedrop:Storage</c>: the S3 endpoint of cluster mode. The operator sets every value
/// (<c>Safedrop__Storage__*</c>); local mode keeps objects in a folder unless <see cref="Endpoint"/> is set.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Safedrop:Storage";

    /// <summary>Where the API reaches S3 inside the cluster, e.g. <c>http://acme-minio.acme.svc:9000</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// Where browsers reach the same S3 service, e.g. <c>https://files.acme.example</c>. Presigned URLs are
    /// signed for this host; without it transfers stream through the API.
    /// </summary>
    public string? PublicEndpoint { get; set; }

    public string Bucket { get; set; } = "safedrop";

    /// <summary>Set explicitly so that signing never asks the server for the bucket's region.</summary>
    public string Region { get; set; } = "us-east-1";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>How long opening a connection may take before storage counts as unreachable.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one S3 request may take until its answer starts (a part upload, a listing page, a download's headers).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether an S3 endpoint is set: always in cluster mode, optionally in local mode.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
