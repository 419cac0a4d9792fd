using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using Safedrop.Operator.Runtime.Watch;

namespace Safedrop.Operator.Kube;

/// <summary>
/// List and watch of the core-group kinds the operator manages, across all namespaces. The core
/// group is served under /api/v1, outside the custom-objects paths, hence the typed calls.
/// </summary>
public sealed class CoreObjectSource<T>(IKubernetes client, string? labelSelector = null) : IResourceSource<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    public string Kind => typeof(T).Name[2..];

    public async Task<ResourceList<T>> ListAsync(CancellationToken cancellationToken)
    {
        var core = client.CoreV1;
        (IEnumerable<object> Items, string? Version) list = typeof(T).Name switch
        {
            nameof(V1Secret) => Parts(await core.ListSecretForAllNamespacesAsync(labelSelector: labelSelector, cancellationToken: cancellationToken)),
            nameof(V1ConfigMap) => Parts(await core.ListConfigMapForAllNamespacesAsync(labelSelector: labelSelector, cancellationToken: cancellationToken)),
            nameof(V1Service) => Parts(await core.ListServiceForAllNamespacesAsync(labelSelector: labelSelector, cancellationToken: cancellationToken)),
            nameof(V1ServiceAccount) => Parts(await core.ListServiceAccountForAllNamespacesAsync(labelSelector: labelSelector, cancellationToken: cancellationToken)),
            _ => throw new NotSupportedException($"{typeof(T).Name} is not a core kind the operator watches"),
        };
        return new ResourceList<T>([.. list.Items.Cast<T>()], list.Version ?? "");
    }

    public async IAsyncEnumerable<WatchNotification<T>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Exception? failure = null;
        await foreach (var (type, item) in Watch(resourceVersion, e => failure = e, cancellationToken).WithCancellation(cancellationToken))
        {
            // Typed core watches cannot carry the Status of an ERROR event; any error means: relist.
            yield return type switch
            {
                WatchEventType.Error => new WatchNotification<T>(type, default, Error: new V1Status { Code = 410, Reason = "Expired" }),
                WatchEventType.Bookmark => new WatchNotification<T>(type, default, item.Metadata?.ResourceVersion),
                _ => new WatchNotification<T>(type, item),
            };
        }

        if (failure is not null) throw new IOException($"watch of {Kind} broke", failure);
    }

    private static (IEnumerable<object>, string?) Parts<TItem>(IItems<TItem> list) =>
        (list.Items.Cast<object>(), (list as IMetadata<V1ListMeta>)?.Metadata?.ResourceVersion);

    private IAsyncEnumerable<(WatchEventType, T)> Watch(string resourceVersion, Action<Exception> onError, CancellationToken cancellationToken)
    {
        var core = client.CoreV1;
        object events = typeof(T).Name switch
        {
            nameof(V1Secret) => core.WatchListSecretForAllNamespacesAsync(allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion, timeoutSeconds: WatchWindow.Seconds, onError: onError, cancellationToken: cancellationToken),
            nameof(V1ConfigMap) => core.WatchListConfigMapForAllNamespacesAsync(allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion, timeoutSeconds: WatchWindow.Seconds, onError: onError, cancellationToken: cancellationToken),
            nameof(V1Service) => core.WatchListServiceForAllNamespacesAsync(allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion, timeoutSeconds: WatchWindow.Seconds, onError: onError, cancellationToken: cancellationToken),
            nameof(V1ServiceAccount) => core.WatchListServiceAccountForAllNamespacesAsync(allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion, timeoutSeconds: WatchWindow.Seconds, onError: onError, cancellationToken: cancellationToken),
            _ => throw new NotSupportedException($"{typeof(T).Name} is not a core kind the operator watches"),
        };
        return (IAsyncEnumerable<(WatchEventType, T)>)events;
    }
}
