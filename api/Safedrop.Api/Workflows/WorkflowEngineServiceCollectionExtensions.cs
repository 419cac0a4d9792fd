using Microsoft.Extensions.Options;
using Safedrop.Api.Caches;
using Safedrop.Api.Configuration;
using Safedrop.Api.Workflows.Engine;
using Safedrop.Api.Workflows.Engine.Copy;
using Safedrop.Api.Workflows.Events;
using Safedrop.Api.Workflows.Keys;
using Safedrop.Api.Workflows.Status;

namespace Safedrop.Api.Workflows;

public static class WorkflowEngineServiceCollectionExtensions
{
    /// <summary>
    /// Personal Workflows' engine: events recorded in object storage and delivered through a Redis Stream (the session
    /// cache's Redis; an in-process queue when that cache is in memory), the consumer that runs matching workflows,
    /// the sweeper that republishes events that never reached the stream, the retention that deletes processed
    /// events once old, and the run history.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        services.AddOptions<WorkflowEngineOptions>().BindConfiguration(WorkflowEngineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkflowEngineOptions>, WorkflowEngineOptionsValidator>();
        services.AddHttpClient(WebhookDelivery.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IWorkflowEventStream>(CreateStream);
        services.AddSingleton<WorkflowEventStore>();
        services.AddSingleton<WorkflowEventFactory>();
        services.AddSingleton<WorkflowEvents>();
        services.AddSingleton<IWorkflowEvents>(sp => sp.GetRequiredService<WorkflowEvents>());
        services.AddSingleton<WorkflowRunStore>();
        services.AddSingleton<IWorkflowRuns>(sp => sp.GetRequiredService<WorkflowRunStore>());
        services.AddSingleton<IWorkflowSecrets>(sp => IsLocal(sp)
            ? ActivatorUtilities.CreateInstance<LocalWorkflowSecrets>(sp)
            : ActivatorUtilities.CreateInstance<KubernetesWorkflowSecrets>(sp));
        services.AddSingleton<WebhookDelivery>();
        services.AddSingleton<EmailNotification>();
        services.AddSingleton<KubernetesWorkflowStatusWriter>();
        services.AddSingleton<IWorkflowStatusWriter>(sp => IsLocal(sp)
            ? new NoWorkflowStatusWriter()
            : sp.GetRequiredService<KubernetesWorkflowStatusWriter>());
        // Cluster mode only: the writer's timer; in local mode the list answer carries the figures instead.
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IWorkflowStatusWriter>() as KubernetesWorkflowStatusWriter is { } writer
            ? writer : new NoHostedService());
        services.AddSingleton<WorkflowKeyStore>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WorkflowKeys>(sp, sp.GetRequiredKeyedService<IKeyValueCache>(CacheNames.Session)));
        services.AddSingleton<WorkflowWrapTargets>();
        services.AddHostedService<WorkflowKeyKeeper>();
        services.AddSingleton<CopyMarkers>();
        services.AddSingleton<WorkspaceCopy>();
        services.AddSingleton<ActionSlots>();
        services.AddSingleton<WorkflowRunner>();
        services.AddSingleton<WorkflowEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowEngine>());
        services.AddSingleton<WorkflowEventSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowEventSweeper>());
        services.AddSingleton<WorkflowEventRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowEventRetention>());
        return services;
    }

    private static bool IsLocal(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SafedropOptions>>().Value.Mode == SafedropMode.Local;

    // On the session cache's Redis whenever that cache is Redis (every cluster; local mode with a connection string),
    // so all replicas share one consumer group; in memory otherwise.
    private static IWorkflowEventStream CreateStream(IServiceProvider services) =>
        services.GetRequiredKeyedService<IKeyValueCache>(CacheNames.Session) is RedisKeyValueCache redis
            ? new RedisWorkflowEventStream(redis, services.GetRequiredService<IOptions<WorkflowEngineOptions>>(), services.GetRequiredService<TimeProvider>())
            : ActivatorUtilities.CreateInstance<MemoryWorkflowEventStream>(services);
}
