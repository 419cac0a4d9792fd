using Prometheus;

namespace Safedrop.Operator.Runtime.Metrics;

/// <summary>The operator's Prometheus metrics, registered in one registry so tests can read them in isolation.</summary>
public sealed class OperatorMetrics
{
    private readonly Counter reconciles;
    private readonly Histogram durations;
    private readonly Gauge queueDepth;
    private readonly Counter apiRequests;

    public OperatorMetrics(CollectorRegistry? registry = null)
    {
        Registry = registry ?? Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        reconciles = factory.CreateCounter("safedrop_operator_reconcile_total", "Reconciles by controller and result (success, requeue, error, cancelled).",
            new CounterConfiguration { LabelNames = ["controller", "result"] });
        durations = factory.CreateHistogram("safedrop_operator_reconcile_duration_seconds", "Time spent in one reconcile.",
            new HistogramConfiguration { LabelNames = ["controller"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
        queueDepth = factory.CreateGauge("safedrop_operator_workqueue_depth", "Keys waiting in a controller's work queue.",
            new GaugeConfiguration { LabelNames = ["controller"] });
        apiRequests = factory.CreateCounter("safedrop_operator_kube_api_requests_total", "Kubernetes API requests by verb and status code.",
            new CounterConfiguration { LabelNames = ["verb", "code"] });
    }

    public CollectorRegistry Registry { get; }

    public void Reconciled(string controller, string result, TimeSpan duration)
    {
        reconciles.WithLabels(controller, result).Inc();
        durations.WithLabels(controller).Observe(duration.TotalSeconds);
    }

    public void QueueDepth(string controller, int depth) => queueDepth.WithLabels(controller).Set(depth);

    public void ApiRequest(string verb, int code) => apiRequests.WithLabels(verb, code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();

    public double ReconcileCount(string controller, string result) => reconciles.WithLabels(controller, result).Value;
}
