using k8s;
using k8s.Models;

namespace Safedrop.Operator.Platform;

/// <summary>
/// Ingress rules: storage and caches accept only the API pods; the API accepts anyone on its port.
/// Policies that select a pod deny every other ingress to it.
/// </summary>
public static class NetworkPolicyBuilder
{
    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> Build(PlatformContext context)
    {
        yield return Policy(context, Component.Api, context.Names.Api, [Rule(ApiWorkloadBuilder.Port)]);
        if (context.ManagedStorage)
            yield return Policy(context, Component.Minio, context.Names.Minio, MinioRules(context));
        foreach (var cache in new[] { context.PinCache, context.SessionCache })
        {
            if (cache.Managed)
                yield return Policy(context, cache.Component, cache.Name, [Rule(RedisCacheBuilder.Port, From(context, Component.Api))]);
        }
    }

    private static List<V1NetworkPolicyIngressRule> MinioRules(PlatformContext context)
    {
        List<V1NetworkPolicyIngressRule> rules = [Rule(MinioBuilder.Port, From(context, Component.Api))];
        if (context.DistributedMinio)
            rules.Add(Rule(MinioBuilder.Port, From(context, Component.Minio)));
        // With a public endpoint, browsers and clients upload and download directly through presigned
        // URLs (the API signs them after its access decision), so S3 must be reachable from anywhere.
        if (context.Minio.PublicEndpoint is not null)
            rules.Add(Rule(MinioBuilder.Port));
        return rules;
    }

    private static V1NetworkPolicy Policy(PlatformContext context, Component component, string name, List<V1NetworkPolicyIngressRule> rules) => new V1NetworkPolicy
    {
        Metadata = ObjectMetadata.For(context, component, name),
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = ObjectMetadata.Selector(context, component),
            PolicyTypes = ["Ingress"],
            Ingress = rules,
        },
    }.Initialize();

    /// <summary>TCP on one port; from the given peers, or from anywhere when none are given.</summary>
    private static V1NetworkPolicyIngressRule Rule(int port, V1NetworkPolicyPeer? from = null) => new()
    {
        Ports = [new V1NetworkPolicyPort { Protocol = "TCP", Port = port }],
        FromProperty = from is null ? null : [from],
    };

    private static V1NetworkPolicyPeer From(PlatformContext context, Component component) => new()
    {
        PodSelector = ObjectMetadata.Selector(context, component),
    };
}
