using Safedrop.Operator.Platform;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Runtime;

/// <summary>
/// Every Kubernetes API call the operator makes, as RBAC permissions: the single list the Helm
/// chart's RBAC is checked against (tests/Safedrop.Operator.Tests/Chart/ChartRbacTests.cs). A new call
/// goes here (or into <see cref="PlatformPermissions"/> for a platform child); the chart test then
/// fails until charts/safedrop grants it, and fails too when the chart grants anything not listed.
/// </summary>
public static class OperatorApiCalls
{
    public const string SafedropGroup = Organization.Group;

    /// <summary>
    /// The runtime's own calls in every tenant namespace: list+watch caches of the five kinds (and
    /// get), finalizers through a merge patch (KubeWriter.SetFinalizersAsync), status through the
    /// status subresource's merge patch (KubeWriter.PatchStatusAsync) and events.k8s.io Events
    /// (EventRecorder, create only).
    /// </summary>
    public static IReadOnlyList<KubernetesPermission> Runtime { get; } =
    [
        .. ResourceKinds.All.Select(kind => new KubernetesPermission(SafedropGroup, kind.Plural, ["get", "list", "watch", "patch"])),
        .. ResourceKinds.All.Select(kind => new KubernetesPermission(SafedropGroup, kind.Plural + "/status", ["patch"])),
        new("events.k8s.io", "events", ["create"]),
    ];

    /// <summary>
    /// Calls in the operator's own namespace only: leader election's Lease (Leadership through
    /// KubernetesClient's LeaseLock: read, create the first time, renew or take over, release).
    /// </summary>
    public static IReadOnlyList<KubernetesPermission> OwnNamespace { get; } =
    [
        new("coordination.k8s.io", "leases", ["create", "get", "update"]),
    ];

    /// <summary>
    /// Everything the operator needs across the tenant namespaces: <see cref="Runtime"/> plus what the
    /// platform's child objects need (<see cref="PlatformPermissions.OperatorNeeds"/>), one entry per
    /// resource with sorted verbs.
    /// </summary>
    public static IReadOnlyList<KubernetesPermission> ClusterWide { get; } = Merge(Runtime.Concat(PlatformPermissions.OperatorNeeds()));

    private static KubernetesPermission[] Merge(IEnumerable<KubernetesPermission> permissions) =>
    [
        .. permissions
            .GroupBy(p => (p.Group, p.Resource))
            .OrderBy(g => g.Key.Group, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Resource, StringComparer.Ordinal)
            .Select(g => new KubernetesPermission(
                g.Key.Group,
                g.Key.Resource,
                [.. g.SelectMany(p => p.Verbs).Distinct().Order(StringComparer.Ordinal)])),
    ];
}
