using System.Globalization;
using System.Text.RegularExpressions;

namespace Safedrop.Benchmarks;

/// <summary>
/// One reading of the operator's /metrics (Prometheus text): its Kubernetes API requests by verb
/// and status code, and its reconciles by result. Two readings subtract to what happened between them.
/// </summary>
internal sealed partial record MetricsScrape(
    IReadOnlyDictionary<(string Verb, string Code), double> Requests,
    IReadOnlyDictionary<string, double> Reconciles)
{
    private static readonly HashSet<string> WriteVerbs = ["POST", "PUT", "PATCH", "DELETE"];

    public double TotalRequests => Requests.Values.Sum();

    /// <summary>Requests per verb (WATCH is a GET with watch=true, counted apart), most first.</summary>
    public IReadOnlyList<(string Verb, double Count)> ByVerb =>
        [.. Requests.GroupBy(r => r.Key.Verb).Select(g => (g.Key, g.Sum(r => r.Value))).OrderByDescending(v => v.Item2)];

    public double Writes => Requests.Where(r => WriteVerbs.Contains(r.Key.Verb)).Sum(r => r.Value);

    /// <summary>Requests the server refused or failed (status code outside 2xx, or no response).</summary>
    public double Failed => Requests.Where(r => !r.Key.Code.StartsWith('2')).Sum(r => r.Value);

    public double ReconcileTotal => Reconciles.Values.Sum();

    public static async Task<MetricsScrape> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        var requests = new Dictionary<(string, string), double>();
        var reconciles = new Dictionary<string, double>();
        foreach (Match sample in Sample().Matches(text))
        {
            var labels = Label().Matches(sample.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value);
            var value = double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
            if (sample.Groups["name"].Value == "safedrop_operator_kube_api_requests_total") requests[(labels["verb"], labels["code"])] = value;
            else if (labels["controller"] == "tenant") reconciles[labels["result"]] = value;
        }

        return new MetricsScrape(requests, reconciles);
    }

    /// <summary>What was counted after <paramref name="earlier"/>.</summary>
    public MetricsScrape Since(MetricsScrape earlier) => new(
        Requests.ToDictionary(r => r.Key, r => r.Value - earlier.Requests.GetValueOrDefault(r.Key)),
        Reconciles.ToDictionary(r => r.Key, r => r.Value - earlier.Reconciles.GetValueOrDefault(r.Key)));

    [GeneratedRegex("""^(?<name>safedrop_operator_kube_api_requests_total|safedrop_operator_reconcile_total)\{(?<labels>[^}]*)\}\s+(?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [GeneratedRegex("(\\w+)=\"([^\"]*)\"")]
    private static partial Regex Label();
}
