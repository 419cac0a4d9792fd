using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Configuration;

/// <summary>
/// Cluster mode's config source: watches the operator's snapshot ConfigMap through the Kubernetes
/// API and swaps the compiled config in atomically when its revision changes. A missing, deleted or
/// unreadable snapshot keeps the config in force; a broken watch relists after a short backoff.
/// </summary>
public sealed partial class SnapshotConfigSource(
    TenantConfigStore store,
    IOptions<SafedropOptions> safedrop,
    IOptions<ClusterModeOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<SnapshotConfigSource> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (safedrop.Value.Mode != SafedropMode.Cluster) return;
        var client = services.GetRequiredService<IKubernetes>();
        var (ns, name) = (options.Value.Namespace!, options.Value.ConfigMap!);
        var selector = "metadata.name=" + name;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The API's Role grants list/watch on this one ConfigMap by name, hence the field selector.
                var list = await client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: selector, cancellationToken: stoppingToken);
                Publish(ns, list.Items.FirstOrDefault());
                failures = 0;
                var watch = client.CoreV1.WatchListNamespacedConfigMapAsync(ns, allowWatchBookmarks: true, fieldSelector: selector,
                    resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 300, cancellationToken: stoppingToken);
                await foreach (var (type, configMap) in watch.WithCancellation(stoppingToken))
                {
                    if (type is WatchEventType.Added or WatchEventType.Modified) Publish(ns, configMap);
                    else if (type == WatchEventType.Deleted) LogSnapshotDeleted(logger, name);
                    else if (type == WatchEventType.Error) break; // relist
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or k8s.Autorest.HttpOperationException)
            {
                failures++;
                LogWatchFailed(logger, name, failures, e);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * Math.Pow(2, failures))), time, stoppingToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Publish(string @namespace, V1ConfigMap? snapshot)
    {
        var now = time.GetUtcNow();
        if (snapshot is null)
        {
            LogSnapshotMissing(logger, options.Value.ConfigMap!);
            return;
        }

        var (config, problem) = TenantSnapshotFormat.Decode(snapshot);
        if (config is null)
        {
            LogSnapshotUnreadable(logger, options.Value.ConfigMap!, problem!);
            return;
        }

        if (store.Current.Config?.Revision == config.Revision) return;
        store.Publish(new TenantState
        {
            Namespace = @namespace,
            Compilation = new CompilationResult(config, []),
            CompiledAt = now,
            CheckedAt = now,
        });
        LogSwapped(logger, config.Revision);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enforcing configuration revision {Revision}")]
    private static partial void LogSwapped(ILogger logger, string revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot ConfigMap {Name} does not exist yet; waiting for the operator")]
    private static partial void LogSnapshotMissing(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot ConfigMap {Name} was deleted; the configuration in force stays until the operator writes it again")]
    private static partial void LogSnapshotDeleted(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Snapshot ConfigMap {Name} is unusable ({Problem}); the configuration in force stays")]
    private static partial void LogSnapshotUnreadable(ILogger logger, string name, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching snapshot ConfigMap {Name} failed ({Failures} in a row); retrying")]
    private static partial void LogWatchFailed(ILogger logger, string name, int failures, Exception exception);
}
