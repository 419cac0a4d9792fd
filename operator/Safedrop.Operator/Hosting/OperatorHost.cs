using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prometheus;
using Safedrop.Operator.Kube;
using Safedrop.Operator.Reconcilers;
using Safedrop.Operator.Runtime.Apply;
using Safedrop.Operator.Runtime.Events;
using Safedrop.Operator.Runtime.LeaderElection;
using Safedrop.Operator.Runtime.Metrics;
using Safedrop.Operator.Runtime.Watch;

namespace Safedrop.Operator.Hosting;

/// <summary>The <c>run</c> verb: the operator process with /healthz, /readyz and /metrics on one port.</summary>
public static class OperatorHost
{
    public static WebApplication Build(string[] args, KubernetesClientConfiguration? kubernetes = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddOptions<OperatorOptions>().BindConfiguration(OperatorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<LeaderElectionOptions>().BindConfiguration(LeaderElectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PlatformImages>().BindConfiguration(PlatformImages.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new OperatorMetrics(Metrics.DefaultRegistry));
        builder.Services.AddSingleton<IKubernetes>(sp => new Kubernetes(
            kubernetes ?? (KubernetesClientConfiguration.IsInCluster() ? KubernetesClientConfiguration.InClusterConfig() : KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath())),
            new ApiRequestCounter(sp.GetRequiredService<OperatorMetrics>())));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<OperatorOptions>>().Value);
        builder.Services.AddSingleton(sp => new OperatorCaches(
            sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(),
            new ResourceCacheOptions { ResyncPeriod = sp.GetRequiredService<OperatorOptions>().ResyncPeriod }));
        builder.Services.AddSingleton(sp => new KubeWriter(sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<OperatorOptions>().FieldManager));
        builder.Services.AddSingleton(sp => new EventRecorder(
            sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<OperatorOptions>().FieldManager,
            sp.GetRequiredService<IOptions<LeaderElectionOptions>>().Value.Identity, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EventRecorder>>()));
        builder.Services.AddSingleton(sp => new ChildSync(sp.GetRequiredService<KubeWriter>(), sp.GetRequiredService<IOptions<PlatformImages>>().Value));
        builder.Services.AddSingleton<StatusSync>();
        builder.Services.AddSingleton<DataRetention>();
        builder.Services.AddSingleton<TenantReconciler>();
        builder.Services.AddSingleton<TenantController>();
        builder.Services.AddSingleton(sp => new Leadership(
            sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<IOptions<LeaderElectionOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<Leadership>>()));
        builder.Services.AddSingleton<OperatorService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperatorService>());

        var app = builder.Build();
        app.MapGet("/healthz", () => TypedResults.Ok("ok"));
        app.MapGet("/readyz", (OperatorService service) => service.Ready
            ? Results.Ok(service.IsLeader ? "leading" : "standby")
            : Results.Problem("The caches are not synced yet.", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapMetrics("/metrics");
        return app;
    }

    /// <summary>The first file of $KUBECONFIG, as kubectl reads it; null falls back to ~/.kube/config.</summary>
    private static string? KubeconfigPath() =>
        Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
