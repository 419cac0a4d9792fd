using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Safedrop.Testing.Tests.FakeKube;

/// <summary>A typed view of the Dropzone CRD in <see cref="Fixtures.DropzoneCrd"/>, for client round trips.</summary>
public sealed class DemoDropzone : IKubernetesObject<V1ObjectMeta>
{
    public const string Group = "safedrop.io";
    public const string Version = "v1alpha1";
    public const string Plural = "dropzones";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = Group + "/" + Version;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Dropzone";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public DemoDropzoneSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public DemoDropzoneStatus? Status { get; set; }
}

public sealed class DemoDropzoneSpec
{
    [JsonPropertyName("owner")]
    public string Owner { get; set; } = "";

    [JsonPropertyName("senderDomainAccess")]
    public bool? SenderDomainAccess { get; set; }

    [JsonPropertyName("members")]
    public List<string>? Members { get; set; }
}

public sealed class DemoDropzoneStatus
{
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }
}
