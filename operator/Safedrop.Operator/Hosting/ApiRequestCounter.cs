using Safedrop.Operator.Runtime.Metrics;

namespace Safedrop.Operator.Hosting;

/// <summary>Counts every Kubernetes API request by verb and status code (the API-requests metric).</summary>
internal sealed class ApiRequestCounter(OperatorMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Lists carry watch=false; only watch=true (or 1) opens a watch.
        var query = request.RequestUri?.Query ?? "";
        var watching = query.Contains("watch=true", StringComparison.OrdinalIgnoreCase) || query.Contains("watch=1", StringComparison.Ordinal);
        var verb = watching ? "WATCH" : request.Method.Method;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            metrics.ApiRequest(verb, (int)response.StatusCode);
            return response;
        }
        catch (HttpRequestException)
        {
            metrics.ApiRequest(verb, 0);
            throw;
        }
    }
}
