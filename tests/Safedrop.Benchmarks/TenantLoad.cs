using System.Globalization;
using k8s;
using k8s.Models;
using Safedrop.Resources.Model;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Benchmarks;

/// <summary>How many resources report Ready=True for their current generation, per kind.</summary>
internal sealed record Readiness(IReadOnlyList<(string Kind, int Ready, int Total)> Kinds)
{
    public int Ready => Kinds.Sum(k => k.Ready);
    public int Total => Kinds.Sum(k => k.Total);

    public override string ToString() =>
        $"{Ready}/{Total} ready (" + string.Join(", ", Kinds.Select(k => $"{k.Kind} {k.Ready}/{k.Total}")) + ")";
}

/// <summary>
/// The benchmark tenant: one Enterprise Organization, Dropzones, Security Groups and Workspaces,
/// all valid. Group i grants DropzoneOwnership, WorkspaceOwnership and DropzoneManager (scoped to
/// its share of the Dropzones) to owner-i and manager-i; every Dropzone and Workspace is owned by
/// one of those owners, so each owner is registered and holds the permission it needs.
/// </summary>
internal sealed class TenantLoad
{
    public const string OrganizationName = "acme";
    public const int Groups = 100;
    public const int Workspaces = 100;

    private TenantLoad(string @namespace, IReadOnlyList<ISafedropResource> resources)
    {
        Namespace = @namespace;
        Resources = resources;
    }

    public string Namespace { get; }

    /// <summary>In the order a `kubectl apply -f` of the tenant folder would send them.</summary>
    public IReadOnlyList<ISafedropResource> Resources { get; }

    /// <summary>The snapshot ConfigMap the operator writes and the API watches.</summary>
    public static string SnapshotConfigMap => $"safedrop-{OrganizationName}-config";

    public static string DropzoneName(int i) => $"dropzone-{i:0000}";

    public static TenantLoad Build(string @namespace, int dropzones)
    {
        static string Owner(int i) => $"owner-{i % Groups:000}@{Domain}";
        var resources = new List<ISafedropResource> { AnOrganization(name: OrganizationName, @namespace: @namespace) };

        for (var i = 0; i < Groups; i++)
        {
            var group = AGroup($"group-{i:000}", [Permission.DropzoneOwnership, Permission.WorkspaceOwnership, Permission.DropzoneManager],
                Owner(i), $"manager-{i:000}@{Domain}");
            group.Spec.Dropzones = [.. Enumerable.Range(0, dropzones).Where(d => d % Groups == i).Select(DropzoneName)];
            resources.Add(group);
        }

        resources.AddRange(Enumerable.Range(0, dropzones).Select(i => ADropzone(DropzoneName(i), Owner(i), spec =>
        {
            spec.DisplayName = $"Uploads {i}";
            spec.Members = [$"user-{i:0000}@{Domain}"];
            spec.SenderDomainAccess = i % 2 == 0;
        })));

        resources.AddRange(Enumerable.Range(0, Workspaces).Select(i => AWorkspace($"workspace-{i:000}", Owner(i), null,
            ($"manager-{i:000}@{Domain}", CollaboratorRole.Modify), ($"partner-{i:000}@partner.example", CollaboratorRole.View))));

        foreach (var resource in resources)
        {
            // As a user's YAML would be: the server sets generation and creation time.
            resource.Metadata.NamespaceProperty = @namespace;
            resource.Metadata.Generation = null;
            resource.Metadata.CreationTimestamp = null;
        }

        return new TenantLoad(@namespace, resources);
    }

    /// <summary>Creates every resource, <paramref name="parallelism"/> requests at a time.</summary>
    public async Task ApplyAsync(IKubernetes client, int parallelism, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(Resources, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (resource, ct) =>
            {
                var kind = ResourceKinds.Of(resource.GetType());
                await client.CustomObjects.CreateNamespacedCustomObjectAsync(resource, Organization.Group, Organization.Version, Namespace, kind.Plural, cancellationToken: ct);
            });

    /// <summary>Lists every kind once and counts resources with Ready=True whose status observed their current generation.</summary>
    public async Task<Readiness> ReadAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        var kinds = ResourceKinds.All.Where(k => Resources.Any(r => r.GetType() == k.Type)).ToList();
        var counts = await Task.WhenAll(kinds.Select(async kind =>
        {
            var list = await client.CustomObjects.ListNamespacedCustomObjectAsync<ReadinessList>(
                Organization.Group, Organization.Version, Namespace, kind.Plural, cancellationToken: cancellationToken);
            return (kind.Kind, list.Items.Count(IsReady), list.Items.Count);
        }));
        return new Readiness(counts);
    }

    private static bool IsReady(ReadinessItem item) =>
        item.Status?.ObservedGeneration is { } observed && observed == item.Metadata.Generation
        && item.Status.Conditions.Any(c => c.Type == "Ready" && c.Status == ConditionStatus.True && c.ObservedGeneration == observed);

    public override string ToString() =>
        string.Join(", ", Resources.GroupBy(r => r.Kind).Select(g => $"{g.Count().ToString("#,0", CultureInfo.InvariantCulture)} {g.Key}"));

    // Only what readiness needs: the list bodies are large, and spec is skipped.
    public sealed class ReadinessList
    {
        public List<ReadinessItem> Items { get; set; } = [];
    }

    public sealed class ReadinessItem
    {
        public V1ObjectMeta Metadata { get; set; } = new();
        public ResourceStatus? Status { get; set; }
    }
}
