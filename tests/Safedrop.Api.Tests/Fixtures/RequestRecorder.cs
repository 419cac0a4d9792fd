using System.Collections.Concurrent;

namespace Safedrop.Api.Tests.Fixtures;

/// <summary>Sits under an SDK's HttpClient and remembers every request it sends, to show what the SDK did on the wire.</summary>
internal sealed class RequestRecorder() : DelegatingHandler(new HttpClientHandler())
{
    private readonly ConcurrentQueue<(HttpMethod Method, Uri Uri)> requests = new();

    public IReadOnlyList<(HttpMethod Method, Uri Uri)> Requests => [.. requests];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        requests.Enqueue((request.Method, request.RequestUri!));
        return base.SendAsync(request, cancellationToken);
    }
}
