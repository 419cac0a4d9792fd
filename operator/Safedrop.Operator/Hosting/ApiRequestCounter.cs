using Safedrop.Operator.Runtime.Metrics;

namespace Safedrop.Operator.Hosting;

/// <summary>Counts every Kubernetes API request by verb and status code (the API-requests metric).</summary>
internal sealed class ApiRequestCounter(OperatorMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var watching = request.RequestUri?.Query.Contains("watch=", StringComparison.Ordinal) == true;
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
