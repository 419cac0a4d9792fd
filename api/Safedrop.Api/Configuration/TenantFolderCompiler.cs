using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Manifests;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Configuration;

/// <summary>
/// Compiles what local mode read from its folder into the next <see cref="TenantState"/>, playing the
/// part the API server and operator play in a cluster: it keeps each resource's generation (bumped
/// when its spec changes), creation time and status conditions from one reload to the next.
/// </summary>
public sealed class TenantFolderCompiler(string servedNamespace, TimeProvider time)
{
    private readonly Dictionary<(string Kind, string Name), Tracked> tracked = [];

    public string Namespace { get; } = servedNamespace;

    /// <summary>
    /// The next state. When the manifests have problems nothing is compiled: the state keeps its
    /// last valid compilation and only reports the problems.
    /// </summary>
    public TenantState Compile(ManifestSet manifests, TenantState current)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        ArgumentNullException.ThrowIfNull(current);
        var now = time.GetUtcNow();
        if (manifests.Problems.Count > 0)
            return current with { Namespace = Namespace, Problems = manifests.Problems, CheckedAt = now };

        var all = manifests.Resources.Select(r => r.Resource).ToList();
        var served = all.Where(r => (r.Metadata.NamespaceProperty ?? "default") == Namespace).ToList();
        foreach (var resource in served) Track(resource, now);

        // Every Organization in the folder is on the platform: the compiler detects domains claimed twice
        // and recognises addresses of the other Organizations.
        var directory = OrganizationDirectory.FromOrganizations(all.OfType<Organization>());
        var result = TenantCompiler.Compile(TenantInput.From(Namespace, served, directory, current.Config));

        foreach (var resource in served)
        {
            if (result.Find(resource.Kind, resource.Metadata.Name ?? "") is { } verdict)
                StatusWriter.Apply(resource, verdict, now);
        }

        Forget(served);
        return new TenantState
        {
            Namespace = Namespace,
            Compilation = result,
            CompiledAt = now,
            Resources = [.. served.OrderBy(KindOrder).ThenBy(r => r.Metadata.Name, StringComparer.Ordinal).Select(ResourceState.From)],
            // The reader parsed them fresh for this compilation and nothing changes them after it: safe to publish as they are.
            DeclaredWorkflows = served.OfType<PersonalWorkflow>().ToFrozenDictionary(w => w.Metadata.Name ?? "", StringComparer.Ordinal),
            Problems = [],
            CheckedAt = now,
        };
    }

    private void Track(ISafedropResource resource, DateTimeOffset now)
    {
        var key = (resource.Kind, resource.Metadata.Name ?? "");
        var specHash = SpecHash(resource);
        if (!tracked.TryGetValue(key, out var previous))
        {
            previous = new Tracked(1, specHash, resource.Metadata.CreationTimestamp ?? now.UtcDateTime, null);
        }
        else if (previous.SpecHash != specHash)
        {
            previous = previous with { Generation = previous.Generation + 1, SpecHash = specHash };
        }

        // As in a cluster, generation is the server's to count; a creation time written in the YAML is kept
        // (examples use it to order Personal Workflows), otherwise it is when local mode first saw the resource.
        resource.Metadata.Generation = previous.Generation;
        resource.Metadata.CreationTimestamp ??= previous.CreatedAt;
        if (previous.Status is { } status)
        {
            resource.CommonStatus.ObservedGeneration = status.ObservedGeneration;
            resource.CommonStatus.Conditions = [.. status.Conditions.Select(Clone)];
        }

        tracked[key] = previous with { Status = resource.CommonStatus };
    }

    private void Forget(List<ISafedropResource> present)
    {
        var keys = present.Select(r => (r.Kind, r.Metadata.Name ?? "")).ToHashSet();
        foreach (var gone in tracked.Keys.Where(k => !keys.Contains(k)).ToList()) tracked.Remove(gone);
    }

    private static string SpecHash(ISafedropResource resource)
    {
        var spec = resource.GetType().GetProperty("Spec")?.GetValue(resource);
        var json = spec is null ? [] : JsonSerializer.SerializeToUtf8Bytes(spec, spec.GetType());
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    private static int KindOrder(ISafedropResource resource)
    {
        var index = ResourceKinds.All.ToList().FindIndex(k => k.Kind == resource.Kind);
        return index < 0 ? int.MaxValue : index;
    }

    private static Condition Clone(Condition c) => new()
    {
        Type = c.Type,
        Status = c.Status,
        Reason = c.Reason,
        Message = c.Message,
        ObservedGeneration = c.ObservedGeneration,
        LastTransitionTime = c.LastTransitionTime,
    };

    private sealed record Tracked(long Generation, string SpecHash, DateTime CreatedAt, ResourceStatus? Status);
}
