using Safedrop.Resources.Model;

namespace Safedrop.Api.WriteBack;

/// <summary>
/// Changes the API makes to the tenant's custom resources (group membership, Dropzone settings, new
/// Workspaces), written back where Git, kubectl and the console see them: in a cluster to the Kubernetes
/// API (patches with resourceVersion preconditions under the API's own field manager), in local mode to
/// the YAML files of the tenant folder (comments and other documents kept). The operator then compiles
/// them like any other change, so the API enforces what the resources say, never a private copy.
/// </summary>
public interface IResourceWriter
{
    /// <summary>
    /// Creates a resource in the tenant's namespace (local mode: a new file <c>&lt;plural&gt;-&lt;name&gt;.yaml</c>); a resource of
    /// that kind and name existing already throws <see cref="ResourceConflictException"/>, one breaking its schema
    /// <see cref="ResourceInvalidException"/>.
    /// </summary>
    Task CreateAsync<T>(T resource, CancellationToken cancellationToken) where T : class, ISafedropResource, new();

    /// <summary>
    /// Reads the resource, lets <paramref name="change"/> edit it, and writes it back. When someone else
    /// wrote meanwhile (Git, kubectl, another replica), reads again and reapplies <paramref name="change"/>, so
    /// neither side's change is lost. <paramref name="change"/> returns false when nothing needs writing.
    /// Returns false when the resource does not exist. After a write, the object last given to
    /// <paramref name="change"/> carries the written <c>metadata.generation</c> (in local mode the generation the
    /// folder compiler will count) and, in a cluster, <c>metadata.resourceVersion</c>: what to expect in force.
    /// Throws <see cref="ResourceConflictException"/> after too many lost races and
    /// <see cref="ResourceInvalidException"/> when the changed resource breaks its CRD schema (nothing written).
    /// </summary>
    Task<bool> UpdateAsync<T>(string name, Func<T, bool> change, CancellationToken cancellationToken) where T : class, ISafedropResource, new();

    /// <summary>
    /// Reads the resource and deletes it when <paramref name="allow"/> agrees (return false to leave it in place,
    /// for example when it belongs to someone else). In a cluster the delete carries the read
    /// <c>metadata.resourceVersion</c> as a precondition, so a resource changed since it was judged is read and
    /// judged again; in local mode its document is removed from its YAML file (the file too when it held nothing
    /// else). Returns false when the resource does not exist. Throws <see cref="ResourceConflictException"/> after
    /// too many lost races.
    /// </summary>
    Task<bool> DeleteAsync<T>(string name, Func<T, bool> allow, CancellationToken cancellationToken) where T : class, ISafedropResource, new();
}
