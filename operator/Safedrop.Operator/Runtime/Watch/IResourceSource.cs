using k8s;
using k8s.Models;

namespace Safedrop.Operator.Runtime.Watch;

/// <summary>One kind's list and watch calls, so the cache works the same for custom resources and core kinds.</summary>
public interface IResourceSource<T> where T : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Human-readable name of the kind, for logs and metrics.</summary>
    string Kind { get; }

    Task<ResourceList<T>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Events after <paramref name="resourceVersion"/>, with bookmarks; ends when the server closes the stream.</summary>
    IAsyncEnumerable<WatchNotification<T>> WatchAsync(string resourceVersion, CancellationToken cancellationToken);
}

public sealed record ResourceList<T>(IReadOnlyList<T> Items, string ResourceVersion);

/// <summary>One watch event: an object, a bookmark carrying a resourceVersion, or an error Status.</summary>
public sealed record WatchNotification<T>(WatchEventType Type, T? Item, string? BookmarkResourceVersion = null, V1Status? Error = null)
{
    /// <summary>The server no longer holds history that old (410 Gone / Expired): relist.</summary>
    public bool IsExpired => Type == WatchEventType.Error && Error?.Code == 410;
}
