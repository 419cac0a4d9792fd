namespace Safedrop.Testing.FakeKube.Discovery;

/// <summary>The built-in kinds the operator and the API use, as a real API server serves them.</summary>
internal static class BuiltInResources
{
    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Cluster("", "v1", "namespaces", "Namespace") with { HasStatus = true, ShortNames = ["ns"] },
        Namespaced("", "v1", "secrets", "Secret"),
        Namespaced("", "v1", "configmaps", "ConfigMap") with { ShortNames = ["cm"] },
        Namespaced("", "v1", "services", "Service") with { HasStatus = true, ShortNames = ["svc"] },
        Namespaced("", "v1", "serviceaccounts", "ServiceAccount") with { ShortNames = ["sa"] },
        Namespaced("", "v1", "events", "Event") with { ShortNames = ["ev"] },
        Namespaced("", "v1", "pods", "Pod") with { HasStatus = true, ShortNames = ["po"] },
        Namespaced("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim") with { HasStatus = true, ShortNames = ["pvc"] },
        Namespaced("events.k8s.io", "v1", "events", "Event") with { ShortNames = ["ev"] },
        Namespaced("apps", "v1", "deployments", "Deployment") with { HasStatus = true, HasGeneration = true, ShortNames = ["deploy"] },
        Namespaced("apps", "v1", "statefulsets", "StatefulSet") with { HasStatus = true, HasGeneration = true, ShortNames = ["sts"] },
        Namespaced("rbac.authorization.k8s.io", "v1", "roles", "Role"),
        Namespaced("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding"),
        Cluster("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole"),
        Cluster("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding"),
        Namespaced("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy") with { HasGeneration = true, ShortNames = ["netpol"] },
        Namespaced("networking.k8s.io", "v1", "ingresses", "Ingress") with { HasStatus = true, HasGeneration = true, ShortNames = ["ing"] },
        Namespaced("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget") with { HasStatus = true, HasGeneration = true, ShortNames = ["pdb"] },
        Namespaced("coordination.k8s.io", "v1", "leases", "Lease"),
        Cluster("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition")
            with { HasStatus = true, HasGeneration = true, ShortNames = ["crd", "crds"] },
    ];

    public static readonly StorageResource Namespaces = new("", "namespaces");
    public static readonly StorageResource CustomResourceDefinitions = new("apiextensions.k8s.io", "customresourcedefinitions");

    private static ResourceType Namespaced(string group, string version, string plural, string kind) => new(group, version, plural, kind, true);

    private static ResourceType Cluster(string group, string version, string plural, string kind) => new(group, version, plural, kind, false);
}
