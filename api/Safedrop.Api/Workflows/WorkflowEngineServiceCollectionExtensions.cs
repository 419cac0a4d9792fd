using Microsoft.Extensions.Options;
using Safedrop.Api.Caches;
using Safedrop.Api.Configuration;
using Safedrop.Api.Workflows.Engine;
using Safedrop.Api.Workflows.Events;

namespace Safedrop.Api.Workflows;

public static class WorkflowEngineServiceCollectionExtensions
{
    /// <summary>
    /// Personal Workflows' engine: events recorded in object storage and delivered through a Redis Stream (the session
    /// cache's Redis; an in-process queue when that cache is in memory), the consumer that runs matching workflows,
    /// the sweeper that republishes events that never reached the stream, and the run history.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        services.AddOptions<WorkflowEngineOptions>().BindConfiguration(WorkflowEngineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WebhookDelivery.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IWorkflowEventStream>(CreateStream);
        services.AddSingleton<WorkflowEventStore>();
        services.AddSingleton<WorkflowEventFactory>();
        services.AddSingleton<WorkflowEvents>();
        services.AddSingleton<IWorkflowEvents>(sp => sp.GetRequiredService<WorkflowEvents>());
        services.AddSingleton<WorkflowRunStore>();
        services.AddSingleton<IWorkflowRuns>(sp => sp.GetRequiredService<WorkflowRunStore>());
        services.AddSingleton<IWorkflowSecrets>(sp => sp.GetRequiredService<IOptions<SafedropOptions>>().Value.Mode == SafedropMode.Local
            ? ActivatorUtilities.CreateInstance<LocalWorkflowSecrets>(sp)
            : ActivatorUtilities.CreateInstance<KubernetesWorkflowSecrets>(sp));
        services.AddSingleton<WebhookDelivery>();
        services.AddSingleton<EmailNotification>();
        services.AddSingleton<WorkflowRunner>();
        services.AddSingleton<WorkflowEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowEngine>());
        services.AddSingleton<WorkflowEventSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowEventSweeper>());
        return services;
    }

    // On the session cache's Redis whenever that cache is Redis (every cluster; local mode with a connection string),
    // so all replicas share one consumer group; in memory otherwise.
    private static IWorkflowEventStream CreateStream(IServiceProvider services) =>
        services.GetRequiredKeyedService<IKeyValueCache>(CacheNames.Session) is RedisKeyValueCache redis
            ? new RedisWorkflowEventStream(redis, services.GetRequiredService<IOptions<WorkflowEngineOptions>>(), services.GetRequiredService<TimeProvider>())
            : ActivatorUtilities.CreateInstance<MemoryWorkflowEventStream>(services);
}
