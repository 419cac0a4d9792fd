using k8s;
using k8s.Models;

namespace Safedrop.Operator.Kube;

/// <summary>The JSON shape of any list response: list metadata and items.</summary>
public sealed class KubeList<T> where T : IKubernetesObject<V1ObjectMeta>
{
    public V1ListMeta Metadata { get; set; } = new();
    public List<T> Items { get; set; } = [];
}
