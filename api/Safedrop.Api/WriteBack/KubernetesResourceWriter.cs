using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Resources.Model;

namespace Safedrop.Api.WriteBack;

/// <summary>
/// Cluster mode's write-back: get the custom resource, let the caller change it, and send only the spec
/// fields that changed as a JSON merge patch carrying the read <c>metadata.resourceVersion</c>, which the
/// API server treats as a precondition (409 Conflict when anyone wrote since). On a conflict the resource
/// is read again and the change reapplied, after a short jittered pause, a bounded number of times. A
/// merge patch of the changed fields (rather than a PUT of the whole typed object) leaves fields this
/// version of the API does not know untouched. Writes are made under the field manager
/// <see cref="FieldManager"/>, so managedFields show which fields the API last set.
/// </summary>
public sealed class KubernetesResourceWriter(
    IKubernetes client,
    IOptions<ClusterModeOptions> options,
    TimeProvider time,
    ILogger<KubernetesResourceWriter> logger) : IResourceWriter
{
    public const string FieldManager = "safedrop-api";

    /// <summary>Attempts of one update before giving up with <see cref="ResourceConflictException"/>.</summary>
    public const int MaxAttempts = 8;

    private string Namespace => options.Value.Namespace ?? throw new InvalidOperationException("Safedrop:Cluster:Namespace is not set.");

    public async Task<bool> UpdateAsync<T>(string name, Func<T, bool> change, CancellationToken cancellationToken)
        where T : class, ISafedropResource, new()
    {
        ArgumentNullException.ThrowIfNull(change);
        var info = ResourceKinds.Of(typeof(T));
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            T resource;
            try
            {
                var read = await client.CustomObjects.GetNamespacedCustomObjectAsync(Organization.Group, Organization.Version, Namespace, info.Plural, name, cancellationToken);
                resource = CustomObjectJson.Read<T>(read);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }

            var before = ResourceDocuments.Spec(resource);
            if (!change(resource)) return true;
            ResourceDocuments.EnsureValid(resource);
            var diff = ResourceDocuments.MergePatch(before, ResourceDocuments.Spec(resource));
            if (diff.Count == 0) return true;

            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject { ["resourceVersion"] = resource.Metadata.ResourceVersion },
                ["spec"] = diff,
            };
            try
            {
                var written = await client.CustomObjects.PatchNamespacedCustomObjectAsync(
                    new V1Patch(patch, V1Patch.PatchType.MergePatch), Organization.Group, Organization.Version, Namespace, info.Plural, name,
                    fieldManager: FieldManager, cancellationToken: cancellationToken);
                var stored = CustomObjectJson.Read<T>(written);
                resource.Metadata.Generation = stored.Metadata.Generation;
                resource.Metadata.ResourceVersion = stored.Metadata.ResourceVersion;
                WriteBackLog.Wrote(logger, info.Kind, name, Namespace);
                return true;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
                WriteBackLog.Conflict(logger, info.Kind, name, attempt);
                await Task.Delay(Backoff(attempt), time, cancellationToken);
            }
        }

        throw new ResourceConflictException($"{info.Kind} {name} kept changing while the API wrote it; try again.");
    }

    public async Task CreateAsync<T>(T resource, CancellationToken cancellationToken) where T : class, ISafedropResource, new()
    {
        ArgumentNullException.ThrowIfNull(resource);
        var info = ResourceKinds.Of(typeof(T));
        resource.Metadata.NamespaceProperty ??= Namespace;
        ResourceDocuments.EnsureValid(resource);
        try
        {
            var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync(
                ResourceDocuments.ForCreate(resource, Namespace), Organization.Group, Organization.Version, Namespace, info.Plural,
                fieldManager: FieldManager, cancellationToken: cancellationToken);
            var stored = CustomObjectJson.Read<T>(created);
            resource.Metadata.Generation = stored.Metadata.Generation;
            resource.Metadata.ResourceVersion = stored.Metadata.ResourceVersion;
            resource.Metadata.Uid = stored.Metadata.Uid;
            WriteBackLog.Created(logger, info.Kind, resource.Metadata.Name ?? "", Namespace);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ResourceConflictException($"A {info.Kind} named {resource.Metadata.Name} exists already.", e);
        }
    }

    public async Task<bool> DeleteAsync<T>(string name, Func<T, bool> allow, CancellationToken cancellationToken)
        where T : class, ISafedropResource, new()
    {
        ArgumentNullException.ThrowIfNull(allow);
        var info = ResourceKinds.Of(typeof(T));
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                var read = CustomObjectJson.Read<T>(await client.CustomObjects.GetNamespacedCustomObjectAsync(Organization.Group, Organization.Version, Namespace, info.Plural, name, cancellationToken));
                if (!allow(read)) return true;

                // The precondition makes the API server refuse (409) when anyone wrote since the resource was judged.
                var options = new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = read.Metadata.ResourceVersion, Uid = read.Metadata.Uid } };
                await client.CustomObjects.DeleteNamespacedCustomObjectAsync(Organization.Group, Organization.Version, Namespace, info.Plural, name, options,
                    cancellationToken: cancellationToken);
                WriteBackLog.Deleted(logger, info.Kind, name, Namespace);
                return true;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
                WriteBackLog.Conflict(logger, info.Kind, name, attempt);
                await Task.Delay(Backoff(attempt), time, cancellationToken);
            }
        }

        throw new ResourceConflictException($"{info.Kind} {name} kept changing while the API deleted it; try again.");
    }

    /// <summary>25–50 ms, doubling per attempt, with jitter so that replicas racing for one object spread out.</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var baseMs = 25 * (1 << Math.Min(attempt - 1, 5));
        return TimeSpan.FromMilliseconds(baseMs + RandomNumberGenerator.GetInt32(baseMs + 1));
    }
}
