using Prometheus;

namespace Safedrop.Api.Metrics;

public static class MetricsEndpoints
{
    /// <summary>Section <c>Safedrop:Metrics</c>: <c>Port</c>, when set, is the only port /metrics answers on (the pod's metrics port, not exposed by the Service's ingress).</summary>
    public const string PortSetting = "Safedrop:Metrics:Port";

    public static IServiceCollection AddApiMetrics(this IServiceCollection services)
    {
        services.AddSingleton(new ApiMetrics(Prometheus.Metrics.DefaultRegistry));
        return services;
    }

    public static WebApplication UseApiMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHttpMetrics();
        return app;
    }

    public static IEndpointRouteBuilder MapApiMetrics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var endpoint = app.MapMetrics("/metrics");
        var port = app.ServiceProvider.GetRequiredService<IConfiguration>()[PortSetting];
        if (!string.IsNullOrEmpty(port)) endpoint.RequireHost($"*:{port}");
        endpoint.ExcludeFromDescription();
        return app;
    }
}
