using System.Net;
using System.Text;

namespace Safedrop.Operator.Tests.Behaviour;

/// <summary>
/// Sits in the operator's HTTP pipeline: counts its writes (on the fake and on a real cluster alike)
/// and can make chosen requests fail once, as a busy API server would.
/// </summary>
internal sealed class WriteCounter : DelegatingHandler
{
    private readonly List<(Func<HttpRequestMessage, bool> Match, HttpStatusCode Status, string Reason)> faults = [];
    private int writes;

    public int Writes => Volatile.Read(ref writes);

    public int InjectedFaults { get; private set; }

    /// <summary>The next request matching <paramref name="match"/> gets a Kubernetes Status error instead of reaching the server.</summary>
    public void FailNext(Func<HttpRequestMessage, bool> match, HttpStatusCode status, string reason)
    {
        lock (faults) faults.Add((match, status, reason));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (faults)
        {
            var fault = faults.FindIndex(f => f.Match(request));
            if (fault >= 0)
            {
                var (_, status, reason) = faults[fault];
                faults.RemoveAt(fault);
                InjectedFaults++;
                var body = $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"injected by the test","reason":"{{reason}}","code":{{(int)status}}}""";
                return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };
            }
        }

        if (request.Method != HttpMethod.Get) Interlocked.Increment(ref writes);
        return await base.SendAsync(request, cancellationToken);
    }
}
