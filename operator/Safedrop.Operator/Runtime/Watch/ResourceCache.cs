using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Safedrop.Operator.Runtime.Watch;

/// <summary>
/// A list+watch cache of one kind (an informer): lists once, then watches from the list's
/// resourceVersion, following bookmarks; on an expired resourceVersion (410) or a broken stream it
/// relists after a backoff with jitter. Every change — and every object again at each resync — is
/// reported to the subscriber, which enqueues keys; reconcilers read objects from the cache.
/// </summary>
public sealed partial class ResourceCache<T>(
    IResourceSource<T> source, TimeProvider time, ILogger logger, ResourceCacheOptions? options = null)
    : IResourceCache
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ResourceCacheOptions settings = options ?? new ResourceCacheOptions();
    private readonly ConcurrentDictionary<ObjectKey, T> items = new();
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called with each changed object (and with the last state of a deleted one).</summary>
    public event Action<WatchEventType, T>? Changed;

    public string ResourceVersion { get; private set; } = "";

    /// <summary>How many times the cache listed from scratch (the first list included).</summary>
    public int Lists { get; private set; }

    /// <summary>Completes once the first list is in the cache.</summary>
    public Task Synced => synced.Task;

    public T? Get(ObjectKey key) => items.GetValueOrDefault(key);

    public IReadOnlyList<T> List(string? @namespace = null) =>
        [.. items.Where(p => @namespace is null || p.Key.Namespace == @namespace).Select(p => p.Value)];

    IKubernetesObject<V1ObjectMeta>? IResourceCache.Find(ObjectKey key) => Get(key);

    IEnumerable<IKubernetesObject<V1ObjectMeta>> IResourceCache.Objects(string @namespace) => List(@namespace);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ListAsync(cancellationToken);
                failures = 0;
                await WatchUntilExpiredAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or k8s.Autorest.HttpOperationException or System.Text.Json.JsonException)
            {
                failures++;
                LogWatchFailed(logger, source.Kind, failures, e);
            }

            await Task.Delay(Backoff(failures), time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var list = await source.ListAsync(cancellationToken);
        var seen = new HashSet<ObjectKey>();
        var changes = new List<(WatchEventType, T)>();
        foreach (var item in list.Items)
        {
            var key = ObjectKey.Of(item);
            seen.Add(key);
            var known = items.TryGetValue(key, out var previous);
            items[key] = item;
            if (!known || previous!.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
                changes.Add((known ? WatchEventType.Modified : WatchEventType.Added, item));
        }

        // Objects deleted while we were not watching.
        foreach (var key in items.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            if (items.TryRemove(key, out var gone)) changes.Add((WatchEventType.Deleted, gone));
        }

        // The cache is complete before anyone hears of a change, so a subscriber reading it sees the whole list.
        ResourceVersion = list.ResourceVersion;
        Lists++;
        LogListed(logger, source.Kind, list.Items.Count, list.ResourceVersion);
        synced.TrySetResult();
        foreach (var (type, item) in changes) Changed?.Invoke(type, item);
    }

    /// <summary>Watches, rewatching from the last resourceVersion when the server ends the stream; returns when a relist is needed.</summary>
    private async Task WatchUntilExpiredAsync(CancellationToken cancellationToken)
    {
        var nextResync = time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            window.CancelAfter(settings.ResyncPeriod);
            try
            {
                await foreach (var notification in source.WatchAsync(ResourceVersion, window.Token))
                {
                    if (notification.IsExpired)
                    {
                        LogExpired(logger, source.Kind, ResourceVersion);
                        return;
                    }

                    Apply(notification);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The resync window ended: fall through to the resync below.
            }

            if (time.GetElapsedTime(nextResync) >= settings.ResyncPeriod)
            {
                Resync();
                nextResync = time.GetTimestamp();
            }
        }
    }

    private void Apply(WatchNotification<T> notification)
    {
        switch (notification.Type)
        {
            case WatchEventType.Bookmark:
                ResourceVersion = notification.BookmarkResourceVersion ?? notification.Item?.Metadata.ResourceVersion ?? ResourceVersion;
                return;
            case WatchEventType.Error:
                throw new IOException($"watch of {source.Kind} failed: {notification.Error?.Message}");
        }

        var item = notification.Item!;
        var key = ObjectKey.Of(item);
        if (notification.Type == WatchEventType.Deleted) items.TryRemove(key, out _);
        else items[key] = item;
        ResourceVersion = item.Metadata.ResourceVersion ?? ResourceVersion;
        Changed?.Invoke(notification.Type, item);
    }

    /// <summary>Reports every cached object again, so missed or failed reconciles are retried (controller-runtime's SyncPeriod).</summary>
    private void Resync()
    {
        foreach (var item in items.Values) Changed?.Invoke(WatchEventType.Modified, item);
    }

    private TimeSpan Backoff(int failures)
    {
        if (failures == 0) return TimeSpan.Zero;
        var ceiling = Math.Min(settings.MaxBackoff.TotalMilliseconds, 200 * Math.Pow(2, Math.Min(failures, 20)));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2); // jitter: half to full
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {Kind}: {Count} objects at resourceVersion {ResourceVersion}")]
    private static partial void LogListed(ILogger logger, string kind, int count, string resourceVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch of {Kind} expired at resourceVersion {ResourceVersion}; relisting")]
    private static partial void LogExpired(ILogger logger, string kind, string resourceVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch of {Kind} failed ({Failures} in a row); relisting after a backoff")]
    private static partial void LogWatchFailed(ILogger logger, string kind, int failures, Exception exception);
}

/// <summary>The kind-independent reads of a cache, for code that handles many kinds alike.</summary>
public interface IResourceCache
{
    IKubernetesObject<V1ObjectMeta>? Find(ObjectKey key);

    IEnumerable<IKubernetesObject<V1ObjectMeta>> Objects(string @namespace);
}

public sealed class ResourceCacheOptions
{
    /// <summary>How often every cached object is reported again.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound of the relist backoff after failures.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>Namespace and name: the key of the cache and of the work queue.</summary>
public readonly record struct ObjectKey(string Namespace, string Name)
{
    public static ObjectKey Of(IKubernetesObject<V1ObjectMeta> item) => new(item.Metadata.NamespaceProperty ?? "", item.Metadata.Name ?? "");

    public override string ToString() => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
