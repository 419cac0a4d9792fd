using Prometheus;

namespace Safedrop.Api.Metrics;

/// <summary>
/// The API's own Prometheus metrics (HTTP request metrics come from prometheus-net's middleware).
/// Labels are closed sets (outcomes, rules, directions): never an address or an id.
/// </summary>
public sealed class ApiMetrics
{
    private readonly Counter packages;
    private readonly Counter accessDecisions;
    private readonly Counter pinRequests;
    private readonly Counter transferBytes;

    public ApiMetrics(CollectorRegistry? registry = null)
    {
        Registry = registry ?? Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        packages = factory.CreateCounter("safedrop_packages_total", "Packages by event (created, completed, expired) and kind (direct, dropzone).",
            new CounterConfiguration { LabelNames = ["event", "kind"] });
        accessDecisions = factory.CreateCounter("safedrop_access_decisions_total", "Package access decisions by outcome and rule.",
            new CounterConfiguration { LabelNames = ["outcome", "rule"] });
        pinRequests = factory.CreateCounter("safedrop_pin_events_total", "PIN requests and verifications by outcome.",
            new CounterConfiguration { LabelNames = ["event", "outcome"] });
        transferBytes = factory.CreateCounter("safedrop_streamed_bytes_total", "Bytes streamed through the API (the direct path bypasses it) by direction.",
            new CounterConfiguration { LabelNames = ["direction"] });
    }

    public CollectorRegistry Registry { get; }

    public void Package(string @event, bool dropzone) => packages.WithLabels(@event, dropzone ? "dropzone" : "direct").Inc();

    public void AccessDecision(bool allowed, string rule) => accessDecisions.WithLabels(allowed ? "allowed" : "denied", rule).Inc();

    public void Pin(string @event, string outcome) => pinRequests.WithLabels(@event, outcome).Inc();

    public void Streamed(string direction, long bytes) => transferBytes.WithLabels(direction).Inc(bytes);
}
