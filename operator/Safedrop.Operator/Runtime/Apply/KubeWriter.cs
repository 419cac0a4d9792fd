using System.Text.Json;
using k8s;
using k8s.Models;

namespace Safedrop.Operator.Runtime.Apply;

/// <summary>
/// Every write the operator makes, in one place: server-side apply of children under one field
/// manager, status through the status subresource, and finalizers guarded by resourceVersion.
/// </summary>
public sealed class KubeWriter(IKubernetes client, string fieldManager)
{
    public string FieldManager => fieldManager;

    /// <summary>Server-side apply with force: the operator owns the fields it declares.</summary>
    public async Task<T> ApplyAsync<T>(T desired, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(desired);
        var api = ApiResource.Of<T>();
        desired.ApiVersion = api.ApiVersion;
        desired.Kind = api.Kind;
        var patch = new V1Patch(desired, V1Patch.PatchType.ApplyPatch);
        var (ns, name) = (desired.Metadata.NamespaceProperty, desired.Metadata.Name);
        if (!api.IsCore)
        {
            var result = await client.CustomObjects.PatchNamespacedCustomObjectAsync(
                patch, api.Group, api.Version, ns, api.Plural, name, fieldManager: fieldManager, force: true, cancellationToken: cancellationToken);
            return Convert<T>(result);
        }

        object applied = desired switch
        {
            V1Secret => await client.CoreV1.PatchNamespacedSecretAsync(patch, name, ns, fieldManager: fieldManager, force: true, cancellationToken: cancellationToken),
            V1ConfigMap => await client.CoreV1.PatchNamespacedConfigMapAsync(patch, name, ns, fieldManager: fieldManager, force: true, cancellationToken: cancellationToken),
            V1Service => await client.CoreV1.PatchNamespacedServiceAsync(patch, name, ns, fieldManager: fieldManager, force: true, cancellationToken: cancellationToken),
            V1ServiceAccount => await client.CoreV1.PatchNamespacedServiceAccountAsync(patch, name, ns, fieldManager: fieldManager, force: true, cancellationToken: cancellationToken),
            _ => throw new NotSupportedException($"No apply path for core kind {api.Kind}"),
        };
        return (T)applied;
    }

    /// <summary>Writes the status subresource (a merge patch of .status: spec and generation stay untouched).</summary>
    public async Task PatchStatusAsync<T>(T resource, object status, CancellationToken cancellationToken) where T : IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(resource);
        var api = ApiResource.Of<T>();
        var patch = new V1Patch(new { status }, V1Patch.PatchType.MergePatch);
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            patch, api.Group, api.Version, resource.Metadata.NamespaceProperty, api.Plural, resource.Metadata.Name,
            fieldManager: fieldManager, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Replaces the finalizer list, failing with 409 if the object changed since it was read, so a
    /// finalizer someone else added meanwhile is never dropped.
    /// </summary>
    public async Task<T> SetFinalizersAsync<T>(T resource, IList<string> finalizers, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(resource);
        var api = ApiResource.Of<T>();
        var patch = new V1Patch(
            new { metadata = new { finalizers, resourceVersion = resource.Metadata.ResourceVersion } },
            V1Patch.PatchType.MergePatch);
        var result = await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            patch, api.Group, api.Version, resource.Metadata.NamespaceProperty, api.Plural, resource.Metadata.Name,
            fieldManager: fieldManager, cancellationToken: cancellationToken);
        return Convert<T>(result);
    }

    private static T Convert<T>(object result) => result switch
    {
        T typed => typed,
        JsonElement element => KubernetesJson.Deserialize<T>(element.GetRawText()),
        _ => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(result)),
    };
}
