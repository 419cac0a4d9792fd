using System.Collections.Concurrent;

namespace Safedrop.Client.Tests.Hosting;

/// <summary>Sits under a client's HttpClient and keeps every request it sends: method, URL, headers and body bytes.</summary>
internal sealed class RequestLog(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Fault injection: a response here short-circuits the request.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?>? Intercept { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}").ToList();
        requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, headers, body));
        if (Intercept?.Invoke(request) is { } injected) return injected;
        return await base.SendAsync(request, cancellationToken);
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyList<string> Headers, byte[] Body);
