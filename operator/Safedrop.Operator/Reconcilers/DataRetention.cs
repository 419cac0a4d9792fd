using k8s;
using k8s.Models;
using Safedrop.Operator.Kube;
using Safedrop.Operator.Platform;
using Safedrop.Operator.Runtime.Apply;
using Safedrop.Operator.Runtime.Events;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Reconcilers;

/// <summary>
/// The Organization's finalizer: before it goes, stored data and its key are detached from it when
/// spec.dataRetention.onDelete is Retain, so Kubernetes' garbage collector cannot take them along.
/// (MinIO's volumes follow the StatefulSet's PVC retention policy, which the platform sets the same way.)
/// </summary>
internal sealed class DataRetention(KubeWriter writer, IKubernetes client, EventRecorder events)
{
    public const string Finalizer = "safedrop.io/data-retention";

    public async Task<Organization> EnsureFinalizerAsync(Organization organization, CancellationToken cancellationToken)
    {
        var finalizers = organization.Metadata.Finalizers ?? [];
        if (finalizers.Contains(Finalizer)) return organization;
        return await writer.SetFinalizersAsync(organization, [.. finalizers, Finalizer], cancellationToken);
    }

    /// <returns>Whether it had anything to do (our finalizer was still there).</returns>
    public async Task<bool> FinalizeAsync(Organization organization, OperatorCaches caches, CancellationToken cancellationToken)
    {
        var finalizers = organization.Metadata.Finalizers ?? [];
        if (!finalizers.Contains(Finalizer)) return false;

        var names = new PlatformNames(organization.Metadata.Name);
        var @namespace = organization.Metadata.NamespaceProperty;
        if (organization.Spec.DataRetention.OnDelete == DeletionPolicy.Retain)
        {
            if (caches.Of<V1Secret>().Get(new(@namespace, names.KeyEncryptionKey)) is { } kek && OwnedBy(kek, organization))
                await DetachAsync(kek, cancellationToken);
            await events.RecordAsync(organization, EventRecorder.Normal, "DataRetained",
                $"Stored files stay in {(organization.Spec.Platform.Storage.External is { } external ? $"bucket {external.Bucket}" : $"the volumes of {names.Minio}")}; the key-encryption key stays in Secret {organization.Spec.Platform.KeyEncryptionKeySecretRef?.Name ?? names.KeyEncryptionKey}.",
                "Delete", cancellationToken);
        }
        else
        {
            await events.RecordAsync(organization, EventRecorder.Warning, "DataDeleted",
                "spec.dataRetention.onDelete is Delete: MinIO's volumes and the generated key-encryption key are deleted with the Organization.", "Delete", cancellationToken);
        }

        await writer.SetFinalizersAsync(organization, [.. finalizers.Where(f => f != Finalizer)], cancellationToken);
        return true;
    }

    private static bool OwnedBy(V1Secret secret, Organization organization) =>
        secret.Metadata.OwnerReferences?.Any(o => o.Uid == organization.Metadata.Uid) == true;

    private async Task DetachAsync(V1Secret secret, CancellationToken cancellationToken)
    {
        var remaining = secret.Metadata.OwnerReferences.Where(o => o.Kind != Organization.KindName).ToList();
        var patch = new V1Patch(new { metadata = new { ownerReferences = remaining, resourceVersion = secret.Metadata.ResourceVersion } }, V1Patch.PatchType.MergePatch);
        await client.CoreV1.PatchNamespacedSecretAsync(patch, secret.Metadata.Name, secret.Metadata.NamespaceProperty, fieldManager: writer.FieldManager, cancellationToken: cancellationToken);
    }
}
