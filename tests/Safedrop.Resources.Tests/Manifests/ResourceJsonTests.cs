using System.Text.Json;
using k8s;
using k8s.Models;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Tests.ManifestReading;

public class ResourceJsonTests
{
    private static Dropzone ADropzone()
    {
        var dropzone = new Dropzone
        {
            Metadata = new V1ObjectMeta { Name = "uploads", NamespaceProperty = "acme", CreationTimestamp = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) },
        };
        dropzone.Spec.Owner = "owner@acme.example";
        dropzone.Status.Conditions.Add(new Condition
        {
            Type = "Ready",
            Status = ConditionStatus.False,
            Reason = "PlanRestriction",
            LastTransitionTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        });
        return dropzone;
    }

    [Fact]
    public void Should_WriteCamelCaseEnumNamesAndNoNulls_When_SerializingAResource()
    {
        var json = JsonSerializer.Serialize(ADropzone(), ResourceJson.Options);

        Assert.Contains("\"apiVersion\":\"safedrop.io/v1alpha1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"namespace\":\"acme\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"False\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lastTransitionTime\":\"2026-01-02T03:04:05", json, StringComparison.Ordinal);
        Assert.Contains("\"creationTimestamp\":\"2026-01-02T03:04:05", json, StringComparison.Ordinal);
        Assert.DoesNotContain("displayName", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReadWhatKubernetesClientWrites_When_AResourceComesFromTheCluster()
    {
        var original = ADropzone();

        var read = JsonSerializer.Deserialize<Dropzone>(KubernetesJson.Serialize(original), ResourceJson.Options)!;

        Assert.Equal(JsonSerializer.Serialize(original, ResourceJson.Options), JsonSerializer.Serialize(read, ResourceJson.Options));
        Assert.Equal(original.Status.Conditions[0].LastTransitionTime, read.Status.Conditions[0].LastTransitionTime);
        Assert.Equal(original.Metadata.CreationTimestamp, read.Metadata.CreationTimestamp);
    }

    [Fact]
    public void Should_WriteWhatKubernetesClientReads_When_AResourceGoesToTheCluster()
    {
        var original = ADropzone();

        var read = KubernetesJson.Deserialize<Dropzone>(JsonSerializer.Serialize(original, ResourceJson.Options));

        Assert.Equal(ConditionStatus.False, read.Status.Conditions[0].Status);
        Assert.Equal(original.Status.Conditions[0].LastTransitionTime, read.Status.Conditions[0].LastTransitionTime);
    }

    [Fact]
    public void Should_RefuseAnEnumNumber_When_OnlyMemberNamesAreValid()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<OrganizationSpec>("{\"plan\":2}", ResourceJson.Options));
    }

    [Fact]
    public void Should_BeReadOnly_When_SomeoneTriesToChangeTheSharedOptions()
    {
        Assert.Throws<InvalidOperationException>(() => ResourceJson.Options.WriteIndented = true);
    }
}
