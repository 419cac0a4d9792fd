using k8s.Models;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Platform;

/// <summary>Metadata of a child object: namespace, name, labels and the owner reference to the Organization.</summary>
public static class ObjectMetadata
{
    public static V1ObjectMeta For(PlatformContext context, Component component, string name, bool owned = true) => new()
    {
        Name = name,
        NamespaceProperty = context.Namespace,
        Labels = PlatformLabels.For(context.Names, component),
        OwnerReferences = owned ? [OwnerReference(context)] : null,
    };

    /// <summary>Pod template metadata: labels only; pods are owned by their workload.</summary>
    public static V1ObjectMeta ForPods(PlatformContext context, Component component) => new()
    {
        Labels = PlatformLabels.For(context.Names, component),
    };

    public static V1OwnerReference OwnerReference(PlatformContext context) => new()
    {
        ApiVersion = Organization.GroupVersion,
        Kind = Organization.KindName,
        Name = context.Organization,
        Uid = context.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    public static V1LabelSelector Selector(PlatformContext context, Component component) => new()
    {
        MatchLabels = PlatformLabels.Selector(context.Names, component),
    };
}
