using System.Net;
using k8s;
using k8s.Models;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using Safedrop.Testing;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Api.Tests;

/// <summary>In a Cluster the API enforces the operator's compiled snapshot and swaps it as soon as the ConfigMap changes.</summary>
public sealed class SnapshotConfigSourceTests(S3Server s3, RedisServer redis) : KubeClusterTest("api")
{
    private const string ConfigMapName = "safedrop-acme-config";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_EnforceTheSnapshot_And_SwapIt_When_TheOperatorRewritesIt()
    {
        await using var api = new ClusterApi(Cluster.Configuration, Namespace, ConfigMapName, s3) { RedisConnectionString = redis.ConnectionString };
        using var http = api.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/readyz", Ct)).StatusCode);

        var first = Compile(ADropzone("support"));
        await Cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(Snapshot(first), Namespace, cancellationToken: Ct);
        await api.Store.WaitForAsync(s => s.Config?.Revision == first.Revision, Ct).WaitAsync(Patience, Ct);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz", Ct)).StatusCode);

        var second = Compile(ADropzone("support", configure: s => s.SenderDomainAccess = true));
        await Cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(Snapshot(second), ConfigMapName, Namespace, cancellationToken: Ct);
        var swapped = await api.Store.WaitForAsync(s => s.Config?.Revision == second.Revision, Ct).WaitAsync(Patience, Ct);

        Assert.True(swapped.Config!.Dropzones["support"].SenderDomainAccess);
    }

    [Fact]
    public async Task Should_KeepTheConfigInForce_When_TheSnapshotIsDamaged()
    {
        await using var api = new ClusterApi(Cluster.Configuration, Namespace, ConfigMapName, s3) { RedisConnectionString = redis.ConnectionString };
        var good = Compile(ADropzone("support"));
        await Cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(Snapshot(good), Namespace, cancellationToken: Ct);
        var before = await api.Store.WaitForAsync(s => s.Config?.Revision == good.Revision, Ct).WaitAsync(Patience, Ct);

        var damaged = Snapshot(good);
        damaged.BinaryData[TenantSnapshotFormat.ConfigKey] = "{ not json"u8.ToArray();
        await Cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(damaged, ConfigMapName, Namespace, cancellationToken: Ct);
        var marker = Compile(ADropzone("marker"));
        await Cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(Snapshot(marker), ConfigMapName, Namespace, cancellationToken: Ct);
        var after = await api.Store.WaitForAsync(s => s.Config?.Revision == marker.Revision, Ct).WaitAsync(Patience, Ct);

        // The damaged version in between was never published.
        Assert.Equal(before.Sequence + 1, after.Sequence);
    }

    private TenantConfig Compile(params ISafedropResource[] resources)
    {
        var result = TenantCompiler.Compile(TenantInput.From(Namespace, [AnOrganization(@namespace: Namespace), .. resources.Select(r => { r.Metadata.NamespaceProperty = Namespace; return r; })]));
        return result.Config;
    }

    private V1ConfigMap Snapshot(TenantConfig config) => new()
    {
        Metadata = new V1ObjectMeta { Name = ConfigMapName, NamespaceProperty = Namespace },
        Data = new Dictionary<string, string> { [TenantSnapshotFormat.RevisionKey] = config.Revision },
        BinaryData = new Dictionary<string, byte[]> { [TenantSnapshotFormat.ConfigKey] = TenantSnapshotFormat.Encode(config) },
    };
}
