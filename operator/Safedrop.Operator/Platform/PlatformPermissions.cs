namespace Safedrop.Operator.Platform;

/// <summary>One Kubernetes API permission: verbs on a resource of an API group ("" is the core group).</summary>
public sealed record KubernetesPermission(string Group, string Resource, IReadOnlyList<string> Verbs);

/// <summary>The API calls the operator makes to run platforms, for checking the Helm chart's RBAC.</summary>
public static class PlatformPermissions
{
    /// <summary>Reading children, applying them server-side (patch, and create for ones that do not exist yet) and deleting ones no longer desired.</summary>
    public static readonly IReadOnlyList<string> ManageVerbs = ["create", "delete", "get", "list", "patch", "watch"];

    /// <summary>Every kind a plan can contain, as (group, resource).</summary>
    public static readonly IReadOnlyList<(string Group, string Resource)> ChildResources =
    [
        ("", "configmaps"),
        ("", "secrets"),
        ("", "serviceaccounts"),
        ("", "services"),
        ("apps", "deployments"),
        ("apps", "statefulsets"),
        ("networking.k8s.io", "ingresses"),
        ("networking.k8s.io", "networkpolicies"),
        ("policy", "poddisruptionbudgets"),
        ("rbac.authorization.k8s.io", "rolebindings"),
        ("rbac.authorization.k8s.io", "roles"),
    ];

    /// <summary>
    /// What the operator needs, one entry per resource with sorted verbs: managing every child kind,
    /// plus everything the API's Role grants, because Kubernetes lets a subject grant only
    /// permissions it holds itself (short of the escalate verb, which we avoid).
    /// </summary>
    public static IReadOnlyList<KubernetesPermission> OperatorNeeds()
    {
        var needs = new SortedDictionary<(string Group, string Resource), SortedSet<string>>(Comparer<(string Group, string Resource)>.Create((a, b) =>
            string.CompareOrdinal(a.Group, b.Group) is var byGroup and not 0 ? byGroup : string.CompareOrdinal(a.Resource, b.Resource)));
        void Add(string group, string resource, IEnumerable<string> verbs)
        {
            if (!needs.TryGetValue((group, resource), out var set))
                needs[(group, resource)] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.UnionWith(verbs);
        }

        foreach (var (group, resource) in ChildResources)
            Add(group, resource, ManageVerbs);
        Add("", "configmaps", ApiRbacBuilder.ConfigMapVerbs);
        Add("", "secrets", ApiRbacBuilder.SecretVerbs);
        foreach (var resource in ApiRbacBuilder.WrittenBackResources)
            Add(Resources.Model.Organization.Group, resource, ApiRbacBuilder.WriteBackVerbs);
        foreach (var resource in ApiRbacBuilder.CreatedAndDeletedResources)
            Add(Resources.Model.Organization.Group, resource, ApiRbacBuilder.CreateAndDeleteVerbs);
        foreach (var resource in ApiRbacBuilder.ReportedStatus)
            Add(Resources.Model.Organization.Group, resource, ApiRbacBuilder.ReportedStatusVerbs);

        return [.. needs.Select(n => new KubernetesPermission(n.Key.Group, n.Key.Resource, [.. n.Value]))];
    }
}
