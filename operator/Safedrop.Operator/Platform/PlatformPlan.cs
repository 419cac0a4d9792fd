using k8s;
using k8s.Models;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Platform;

/// <summary>
/// The desired child objects of one Organization, in its namespace, in apply order (identities and
/// Secrets before the workloads that use them). A pure function: equal inputs give equal objects, so
/// server-side apply of an unchanged plan writes nothing.
/// </summary>
public static class PlatformPlan
{
    /// <summary>Kinds in the order they are applied, like Helm's install order; within a kind, builders' order.</summary>
    private static readonly Type[] KindOrder =
    [
        typeof(V1ServiceAccount),
        typeof(V1Role),
        typeof(V1RoleBinding),
        typeof(V1Secret),
        typeof(V1ConfigMap),
        typeof(V1Service),
        typeof(V1StatefulSet),
        typeof(V1Deployment),
        typeof(V1PodDisruptionBudget),
        typeof(V1NetworkPolicy),
        typeof(V1Ingress),
    ];

    public static IReadOnlyList<Type> ApplyOrder => KindOrder;

    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Build(Organization organization, TenantConfig compiled, PlatformInputs inputs) =>
        Build(PlatformContext.From(organization, compiled, inputs));

    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Build(PlatformContext context)
    {
        IEnumerable<IKubernetesObject<V1ObjectMeta>> objects =
        [
            .. ApiRbacBuilder.Build(context),
            .. KeyEncryptionKeyBuilder.Build(context),
            TenantSnapshotBuilder.Build(context),
            .. MinioBuilder.Build(context),
            .. RedisCacheBuilder.Build(context, context.PinCache),
            .. RedisCacheBuilder.Build(context, context.SessionCache),
            .. ApiWorkloadBuilder.Build(context),
            .. NetworkPolicyBuilder.Build(context),
            .. IngressBuilder.Build(context),
        ];
        return [.. objects.OrderBy(o => Array.IndexOf(KindOrder, o.GetType()))];
    }

    /// <summary>
    /// Children left out of the plan but not to be deleted either: the API Deployment while an
    /// <see cref="ApiBlocker"/> holds it back, so a running API keeps running as it is.
    /// </summary>
    public static IReadOnlyList<(Type Kind, string Name)> HeldBack(PlatformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ApiBlocker.Of(context.Spec) is null ? [] : [(typeof(V1Deployment), context.Names.Api)];
    }
}
