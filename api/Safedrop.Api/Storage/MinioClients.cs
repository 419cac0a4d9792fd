using Minio;

namespace Safedrop.Api.Storage;

/// <summary>
/// The Minio SDK clients of one store: one for the in-cluster endpoint, which does all I/O, and one
/// for the public endpoint, which only signs URLs for browsers and never sends a request. Both carry
/// the region, so signing never asks the server for it. They share one HttpClient whose connect
/// timeout turns an unreachable endpoint into a prompt failure.
/// </summary>
internal sealed class MinioClients : IDisposable
{
    public MinioClients(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        InternalEndpoint = new Uri(options.Endpoint ?? throw new ArgumentException("Safedrop:Storage:Endpoint is not set.", nameof(options)));
        Http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        Internal = Build(InternalEndpoint, options, Http);
        Public = string.IsNullOrWhiteSpace(options.PublicEndpoint) ? null : Build(new Uri(options.PublicEndpoint), options, Http);
        // Build() sets a 30-minute timeout on the client it is given; ours bounds the wait for each answer.
        Http.Timeout = options.RequestTimeout;
    }

    public Uri InternalEndpoint { get; }

    public IMinioClient Internal { get; }

    /// <summary>Signs URLs for the public endpoint; null when browsers cannot reach S3.</summary>
    public IMinioClient? Public { get; }

    /// <summary>For streaming downloads, which the SDK only offers through a callback.</summary>
    public HttpClient Http { get; }

    public void Dispose()
    {
        Internal.Dispose();
        Public?.Dispose();
        Http.Dispose();
    }

    private static IMinioClient Build(Uri endpoint, StorageOptions options, HttpClient http)
    {
        // With an explicit default port the SDK would sign "host:443" while browsers send "host".
        var client = endpoint.IsDefaultPort
            ? new MinioClient().WithEndpoint(endpoint.Host)
            : new MinioClient().WithEndpoint(endpoint.Host, endpoint.Port);
        return client
            .WithSSL(endpoint.Scheme == Uri.UriSchemeHttps)
            .WithCredentials(options.AccessKey, options.SecretKey)
            .WithRegion(options.Region)
            .WithHttpClient(http, disposeHttpClient: false)
            .Build();
    }
}
