using System.ComponentModel;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Safedrop.Resources.Model;

/// <summary>What every Safedrop custom resource has: Kubernetes metadata, a spec and a status.</summary>
public interface ISafedropResource : IKubernetesObject<V1ObjectMeta>
{
    [JsonIgnore]
    ResourceStatus CommonStatus { get; }
}

public abstract class SafedropResource<TSpec, TStatus> : ISafedropResource, ISpec<TSpec>, IStatus<TStatus>
    where TSpec : new()
    where TStatus : ResourceStatus, new()
{
    public const string Group = "safedrop.io";
    public const string Version = "v1alpha1";
    public const string GroupVersion = Group + "/" + Version;

    protected SafedropResource(string kind)
    {
        ApiVersion = GroupVersion;
        Kind = kind;
    }

    public string ApiVersion { get; set; }
    public string Kind { get; set; }
    public V1ObjectMeta Metadata { get; set; } = new();
    public TSpec Spec { get; set; } = new();
    public TStatus Status { get; set; } = new();

    [JsonIgnore]
    public ResourceStatus CommonStatus => Status;
}

[Description("Observed state, written by the operator.")]
public class ResourceStatus
{
    [Description("The .metadata.generation the operator last acted on.")]
    public long? ObservedGeneration { get; set; }

    [Description("Ready, plus kind-specific conditions. Ready=False carries the reason and what to do.")]
    public List<Condition> Conditions { get; set; } = [];
}
