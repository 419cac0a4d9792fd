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
    public async Task ApplyAsync(IKubernetesObject<V1ObjectMeta> desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var api = ApiResource.Of(desired.GetType());
        desired.ApiVersion = api.ApiVersion;
        desired.Kind = api.Kind;
        var patch = new V1Patch(desired, V1Patch.PatchType.ApplyPatch);
        var (ns, name) = (desired.Metadata.NamespaceProperty, desired.Metadata.Name);
        if (!api.IsCore)
        {
            await client.CustomObjects.PatchNamespacedCustomObjectAsync(
                patch, api.Group, api.Version, ns, api.Plural, name, fieldManager: fieldManager, force: true, cancellationToken: cancellationToken);
            return;
        }

        var core = client.CoreV1;
        await (desired switch
        {
            V1Secret => (Task)core.PatchNamespacedSecretAsync(patch, name, ns, fieldManager: fieldManager, force: true, cancellationToken: cancellationToken),
            V1ConfigMap => core.PatchNamespacedConfigMapAsync(patch, name, ns, fieldManager: fieldManager, force: true, cancellationToken: cancellationToken),
            V1Service => core.PatchNamespacedServiceAsync(patch, name, ns, fieldManager: fieldManager, force: true, cancellationToken: cancellationToken),
            V1ServiceAccount => core.PatchNamespacedServiceAccountAsync(patch, name, ns, fieldManager: fieldManager, force: true, cancellationToken: cancellationToken),
            _ => throw new NotSupportedException($"No apply path for core kind {api.Kind}"),
        });
    }

    /// <summary>Deletes a child that is no longer desired; one already gone is fine.</summary>
    public async Task DeleteAsync(IKubernetesObject<V1ObjectMeta> item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var api = ApiResource.Of(item.GetType());
        var (ns, name) = (item.Metadata.NamespaceProperty, item.Metadata.Name);
        try
        {
            var core = client.CoreV1;
            await (item switch
            {
                _ when !api.IsCore => (Task)client.CustomObjects.DeleteNamespacedCustomObjectAsync(api.Group, api.Version, ns, api.Plural, name, cancellationToken: cancellationToken),
                V1Secret => core.DeleteNamespacedSecretAsync(name, ns, cancellationToken: cancellationToken),
                V1ConfigMap => core.DeleteNamespacedConfigMapAsync(name, ns, cancellationToken: cancellationToken),
                V1Service => core.DeleteNamespacedServiceAsync(name, ns, cancellationToken: cancellationToken),
                V1ServiceAccount => core.DeleteNamespacedServiceAccountAsync(name, ns, cancellationToken: cancellationToken),
                _ => throw new NotSupportedException($"No delete path for core kind {api.Kind}"),
            });
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
        }
    }

    /// <summary>Writes the status subresource (a merge patch of .status: spec and generation stay untouched).</summary>
    public async Task PatchStatusAsync(IKubernetesObject<V1ObjectMeta> resource, object status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var api = ApiResource.Of(resource.GetType());
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
