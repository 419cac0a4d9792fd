using System.Net;
using k8s;
using k8s.Models;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using Safedrop.Testing;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Api.Tests;

/// <summary>In a cluster the API enforces the operator's compiled snapshot and swaps it as soon as the ConfigMap changes.</summary>
public sealed class SnapshotConfigSourceTests : IAsyncLifetime
{
    private const string ConfigMapName = "safedrop-acme-config";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private KubeTestCluster cluster = null!;
    private string ns = "";

    public async ValueTask InitializeAsync()
    {
        cluster = await KubeTestCluster.StartAsync(Ct);
        ns = await cluster.CreateNamespaceAsync("api", Ct);
    }

    public async ValueTask DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task Should_EnforceTheSnapshot_And_SwapIt_When_TheOperatorRewritesIt()
    {
        await using var api = new ClusterApi(cluster.Configuration, ns, ConfigMapName);
        using var http = api.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/readyz", Ct)).StatusCode);

        var first = Compile(ADropzone("support"));
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(Snapshot(first), ns, cancellationToken: Ct);
        await api.Store.WaitForAsync(s => s.Config?.Revision == first.Revision, Ct).WaitAsync(Patience, Ct);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz", Ct)).StatusCode);

        var second = Compile(ADropzone("support", configure: s => s.SenderDomainAccess = true));
        await cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(Snapshot(second), ConfigMapName, ns, cancellationToken: Ct);
        var swapped = await api.Store.WaitForAsync(s => s.Config?.Revision == second.Revision, Ct).WaitAsync(Patience, Ct);

        Assert.True(swapped.Config!.Dropzones["support"].SenderDomainAccess);
    }

    [Fact]
    public async Task Should_KeepTheConfigInForce_When_TheSnapshotIsDamaged()
    {
        await using var api = new ClusterApi(cluster.Configuration, ns, ConfigMapName);
        var good = Compile(ADropzone("support"));
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(Snapshot(good), ns, cancellationToken: Ct);
        var before = await api.Store.WaitForAsync(s => s.Config?.Revision == good.Revision, Ct).WaitAsync(Patience, Ct);

        var damaged = Snapshot(good);
        damaged.Data["tenant.json"] = "{ not json";
        await cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(damaged, ConfigMapName, ns, cancellationToken: Ct);
        var marker = Compile(ADropzone("marker"));
        await cluster.Client.CoreV1.ReplaceNamespacedConfigMapAsync(Snapshot(marker), ConfigMapName, ns, cancellationToken: Ct);
        var after = await api.Store.WaitForAsync(s => s.Config?.Revision == marker.Revision, Ct).WaitAsync(Patience, Ct);

        // The damaged version in between was never published.
        Assert.Equal(before.Sequence + 1, after.Sequence);
    }

    private TenantConfig Compile(params ISafedropResource[] resources)
    {
        var result = TenantCompiler.Compile(TenantInput.From(ns, [AnOrganization(@namespace: ns), .. resources.Select(r => { r.Metadata.NamespaceProperty = ns; return r; })]));
        return result.Config;
    }

    private V1ConfigMap Snapshot(TenantConfig config) => new()
    {
        Metadata = new V1ObjectMeta { Name = ConfigMapName, NamespaceProperty = ns },
        Data = new Dictionary<string, string> { ["tenant.json"] = TenantConfigJson.Serialize(config), ["revision"] = config.Revision },
    };
}
