using k8s;
using k8s.Models;
using Safedrop.Operator.Runtime.Apply;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Tests.Behaviour;

/// <summary>Arranging and inspecting Safedrop resources the way a platform team would, through the API server.</summary>
internal static class ClusterObjects
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<T> CreateAsync<T>(this IKubernetes client, T resource) where T : IKubernetesObject<V1ObjectMeta>
    {
        var api = ApiResource.Of<T>();
        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync<T>(resource, api.Group, api.Version, resource.Metadata.NamespaceProperty, api.Plural, cancellationToken: Ct);
        return created;
    }

    public static async Task<T?> FindAsync<T>(this IKubernetes client, string @namespace, string name) where T : IKubernetesObject<V1ObjectMeta>
    {
        var api = ApiResource.Of<T>();
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<T>(api.Group, api.Version, @namespace, api.Plural, name, Ct);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return default;
        }
    }

    public static async Task<T> MergePatchAsync<T>(this IKubernetes client, string @namespace, string name, object patch) where T : IKubernetesObject<V1ObjectMeta>
    {
        var api = ApiResource.Of<T>();
        return await client.CustomObjects.PatchNamespacedCustomObjectAsync<T>(new V1Patch(patch, V1Patch.PatchType.MergePatch), api.Group, api.Version, @namespace, api.Plural, name, cancellationToken: Ct);
    }

    public static async Task DeleteAsync<T>(this IKubernetes client, string @namespace, string name) where T : IKubernetesObject<V1ObjectMeta>
    {
        var api = ApiResource.Of<T>();
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(api.Group, api.Version, @namespace, api.Plural, name, cancellationToken: Ct);
    }

    public static Condition? Condition(this ISafedropResource resource, string type) =>
        resource.CommonStatus.Conditions.FirstOrDefault(c => c.Type == type);
}
