using System.Text.Json;
using k8s;
using k8s.Models;
using Safedrop.Operator.Kube;
using Safedrop.Operator.Platform;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Reconcilers;

/// <summary>What one reconcile of a tenant reads, taken from the caches at once.</summary>
internal sealed record TenantSnapshot(TenantInput Input, Organization? Organization)
{
    public string Namespace => Input.Namespace;

    public static TenantSnapshot Read(OperatorCaches caches, string @namespace)
    {
        var organizations = caches.List<Organization>();
        var mine = organizations.Where(o => o.Metadata.NamespaceProperty == @namespace).ToList();
        var governing = TenantCompiler.ByPrecedence(mine).FirstOrDefault();
        var input = new TenantInput
        {
            Namespace = @namespace,
            Organizations = mine,
            Dropzones = caches.List<Dropzone>(@namespace),
            SecurityGroups = caches.List<SecurityGroup>(@namespace),
            Workspaces = caches.List<Workspace>(@namespace),
            PersonalWorkflows = caches.List<PersonalWorkflow>(@namespace),
            Directory = OrganizationDirectory.FromOrganizations(organizations),
            Previous = governing is null ? null : PreviousConfig(caches, governing),
        };
        return new TenantSnapshot(input, governing);
    }

    /// <summary>The last compiled config, from the snapshot ConfigMap: it survives operator restarts.</summary>
    private static TenantConfig? PreviousConfig(OperatorCaches caches, Organization organization)
    {
        var names = new PlatformNames(organization.Metadata.Name);
        var snapshot = caches.Of<V1ConfigMap>().Get(new(organization.Metadata.NamespaceProperty, names.Config));
        // A missing or damaged snapshot is rebuilt from the resources as they are now.
        return TenantSnapshotFormat.Decode(snapshot).Config;
    }

    /// <summary>A copy to write status on, so the cached object stays what the server last said.</summary>
    public static T Copy<T>(T item) where T : IKubernetesObject<V1ObjectMeta> =>
        (T)JsonSerializer.Deserialize(JsonSerializer.Serialize(item, item.GetType(), ResourceJson.Options), item.GetType(), ResourceJson.Options)!;
}
