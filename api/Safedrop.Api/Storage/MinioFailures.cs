using System.Net.Sockets;
using Minio.Exceptions;

namespace Safedrop.Api.Storage;

/// <summary>
/// Turns what the Minio SDK and HttpClient throw when S3 cannot serve a request into
/// <see cref="StorageUnavailableException"/>: refused or timed-out connections, 5xx answers, and S3
/// refusing our credentials or bucket (a misconfiguration the caller can do nothing about either).
/// The caller's own cancellation and invalid arguments pass through unchanged.
/// </summary>
internal static class MinioFailures
{
    public static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // a timeout, not the caller
        ObjectNotFoundException => false,
        MinioException or HttpRequestException or SocketException or IOException => true,
        // The SDK parses some answers (an HTML error page, an empty body) into these.
        System.Xml.XmlException or InvalidOperationException => true,
        _ => false,
    };

    public static StorageUnavailableException Unavailable(string endpoint, string bucket, string operation, Exception inner) =>
        new($"Object storage at {endpoint} (bucket {bucket}) failed to {operation}: {Describe(inner)}", inner);

    public static StorageUnavailableException Unavailable(string endpoint, string bucket, string operation, string reason) =>
        new($"Object storage at {endpoint} (bucket {bucket}) failed to {operation}: {reason}");

    private static string Describe(Exception exception) => exception switch
    {
        OperationCanceledException => "no answer in time",
        HttpRequestException { InnerException: SocketException socket } => socket.Message,
        _ => exception.Message,
    };
}
