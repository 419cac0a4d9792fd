using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;
using Safedrop.Operator.Runtime.Apply;
using Safedrop.Operator.Runtime.Watch;

namespace Safedrop.Operator.Kube;

/// <summary>List and watch of a kind in a named API group (custom resources, apps, rbac, ...) across all namespaces.</summary>
public sealed class CustomObjectSource<T>(IKubernetes client, string? labelSelector = null) : IResourceSource<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    private static readonly ApiResource Api = ApiResource.Of<T>();

    public string Kind => Api.Kind;

    public async Task<ResourceList<T>> ListAsync(CancellationToken cancellationToken)
    {
        var list = await client.CustomObjects.ListCustomObjectForAllNamespacesAsync<KubeList<T>>(
            Api.Group, Api.Version, Api.Plural, labelSelector: labelSelector, cancellationToken: cancellationToken);
        return new ResourceList<T>(list.Items, list.Metadata.ResourceVersion ?? "");
    }

    public async IAsyncEnumerable<WatchNotification<T>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Exception? failure = null;
        var events = client.CustomObjects.WatchListCustomObjectForAllNamespacesAsync(
            Api.Group, Api.Version, Api.Plural, allowWatchBookmarks: true, labelSelector: labelSelector,
            resourceVersion: resourceVersion, timeoutSeconds: WatchWindow.Seconds, onError: e => failure = e, cancellationToken: cancellationToken);
        await foreach (var (type, item) in events.WithCancellation(cancellationToken))
        {
            var json = item is JsonElement element ? element.GetRawText() : KubernetesJson.Serialize(item);
            yield return type switch
            {
                WatchEventType.Error => new WatchNotification<T>(type, default, Error: KubernetesJson.Deserialize<V1Status>(json)),
                WatchEventType.Bookmark => new WatchNotification<T>(type, default, KubernetesJson.Deserialize<T>(json).Metadata.ResourceVersion),
                _ => new WatchNotification<T>(type, KubernetesJson.Deserialize<T>(json)),
            };
        }

        if (failure is not null) throw new IOException($"watch of {Api.Kind} broke", failure);
    }
}

/// <summary>How long one watch request lasts before the server ends it and the cache rewatches.</summary>
internal static class WatchWindow
{
    public const int Seconds = 300;
}
