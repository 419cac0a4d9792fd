using k8s;
using k8s.Models;
using Safedrop.Operator.Platform;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using Safedrop.Testing;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Operator.Tests.Behaviour;

/// <summary>
/// The tenant reconciler against an API server: the fake by default, a real cluster when
/// SAFEDROP_TEST_KUBECONFIG is set.
/// </summary>
public sealed class TenantReconcilerTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private KubeTestCluster cluster = null!;
    private OperatorUnderTest op = null!;
    private string ns = "";

    public async ValueTask InitializeAsync()
    {
        cluster = await KubeTestCluster.StartAsync(Ct);
        ns = await cluster.CreateNamespaceAsync("tenant", Ct);
        op = await OperatorUnderTest.StartAsync(cluster.Configuration);
    }

    public async ValueTask DisposeAsync()
    {
        await op.DisposeAsync();
        await cluster.DisposeAsync();
    }

    private Organization Acme(Action<OrganizationSpec>? configure = null) => AnOrganization(@namespace: ns, configure: configure);

    private static PlatformNames Names => new("acme");

    [Fact]
    public async Task Should_CreateTheChildrenWithOwnerReferences_When_AnOrganizationIsApplied()
    {
        var org = await cluster.Client.CreateAsync(Acme());

        Assert.True(await op.ReconcileAsync(cluster, ns) > 0);

        var api = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(Names.Api, ns, cancellationToken: Ct);
        var owner = Assert.Single(api.Metadata.OwnerReferences);
        Assert.Equal((org.Metadata.Uid, "Organization", true), (owner.Uid, owner.Kind, owner.Controller));
        var minio = await cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync(Names.Minio, ns, cancellationToken: Ct);
        Assert.Equal(org.Metadata.Uid, minio.Metadata.OwnerReferences.Single().Uid);
        var snapshot = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync(Names.Config, ns, cancellationToken: Ct);
        Assert.Equal("acme", TenantConfigJson.Deserialize(snapshot.Data["tenant.json"]).Organization!.Name);
        Assert.Contains(DataRetentionFinalizer, (await cluster.Client.FindAsync<Organization>(ns, "acme"))!.Metadata.Finalizers);
    }

    [Fact]
    public async Task Should_WriteNothing_When_ReconcilingAgainWithNothingChanged()
    {
        await cluster.Client.CreateAsync(Acme());
        await cluster.Client.CreateAsync(ADropzone("support").InNamespace(ns));
        Assert.True(await op.ReconcileAsync(cluster, ns) > 0);
        var mark = cluster.Fake?.Requests.Mark();
        var before = op.Writes.Writes;

        var writes = await op.ReconcileAsync(cluster, ns);

        Assert.Equal(0, writes);
        Assert.Equal(before, op.Writes.Writes);
        if (mark is { } m) Assert.Equal(0, cluster.Fake!.Requests.WritesSince(m));
    }

    [Fact]
    public async Task Should_RestoreAChild_When_ItIsDeletedOrEdited()
    {
        await cluster.Client.CreateAsync(Acme());
        await op.ReconcileAsync(cluster, ns);

        await cluster.Client.AppsV1.DeleteNamespacedDeploymentAsync(Names.Api, ns, cancellationToken: Ct);
        await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(new { data = new Dictionary<string, string> { ["tenant.json"] = "{}" } }, V1Patch.PatchType.MergePatch), Names.Config, ns, cancellationToken: Ct);
        Assert.True(await op.ReconcileAsync(cluster, ns) >= 2);

        Assert.NotNull(await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(Names.Api, ns, cancellationToken: Ct));
        var snapshot = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync(Names.Config, ns, cancellationToken: Ct);
        Assert.Equal("acme", TenantConfigJson.Deserialize(snapshot.Data["tenant.json"]).Organization!.Name);
    }

    [Fact]
    public async Task Should_ReportTheReason_And_KeepTheLastValidForm_When_ADropzoneBecomesInvalid()
    {
        await cluster.Client.CreateAsync(Acme());
        await cluster.Client.CreateAsync(ADropzone("support", configure: s => s.Members = ["carol@acme.example"]).InNamespace(ns));
        await op.ReconcileAsync(cluster, ns);

        await cluster.Client.MergePatchAsync<Dropzone>(ns, "support", new { spec = new { members = new[] { "carol@acme.example", "eve@partner.example" } } });
        await op.ReconcileAsync(cluster, ns);

        var dropzone = (await cluster.Client.FindAsync<Dropzone>(ns, "support"))!;
        var ready = dropzone.Condition(ConditionTypes.Ready)!;
        Assert.Equal((ConditionStatus.False, "MemberNotRegistered", 2L), (ready.Status, ready.Reason, ready.ObservedGeneration));
        var snapshot = await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync(Names.Config, ns, cancellationToken: Ct);
        var inForce = TenantConfigJson.Deserialize(snapshot.Data["tenant.json"]).Dropzones["support"];
        Assert.Equal(1L, inForce.Generation);
        Assert.Equal(["carol@acme.example"], inForce.Members);
    }

    [Fact]
    public async Task Should_ReportThePlatformNotReady_Until_ItsWorkloadsRun()
    {
        await cluster.Client.CreateAsync(Acme());
        await op.ReconcileAsync(cluster, ns);

        var org = (await cluster.Client.FindAsync<Organization>(ns, "acme"))!;
        Assert.Equal("PlatformNotReady", org.Condition(ConditionTypes.Ready)!.Reason);
        Assert.Equal("Progressing", org.Condition(ConditionTypes.PlatformReady)!.Reason);
        Assert.Equal($"http://{Names.Api}.{ns}.svc", org.Status.ApiEndpoint);
    }

    [Fact]
    public async Task Should_RejectAnOwnerChange_Of_APersonalWorkflow()
    {
        await cluster.Client.CreateAsync(AWorkflow("notify").InNamespace(ns));

        var refused = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() =>
            cluster.Client.MergePatchAsync<PersonalWorkflow>(ns, "notify", new { spec = new { owner = "someone.else@acme.example" } }));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.Response.StatusCode);
        Assert.Contains("spec.owner is immutable", refused.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_KeepStoredDataAndItsKey_When_TheOrganizationIsDeleted()
    {
        await cluster.Client.CreateAsync(Acme());
        await op.ReconcileAsync(cluster, ns);

        await cluster.Client.DeleteAsync<Organization>(ns, "acme");
        Assert.NotNull((await cluster.Client.FindAsync<Organization>(ns, "acme"))?.Metadata.DeletionTimestamp); // held by the finalizer
        await op.ReconcileAsync(cluster, ns);

        Assert.Null(await cluster.Client.FindAsync<Organization>(ns, "acme"));
        var kek = await cluster.Client.CoreV1.ReadNamespacedSecretAsync(Names.KeyEncryptionKey, ns, cancellationToken: Ct);
        Assert.True(kek.Metadata.OwnerReferences is null or { Count: 0 });
        var minio = await cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync(Names.Minio, ns, cancellationToken: Ct);
        Assert.Equal("Retain", minio.Spec.PersistentVolumeClaimRetentionPolicy.WhenDeleted);
    }

    private const string DataRetentionFinalizer = "safedrop.io/data-retention";
}

internal static class NamespacedBuilders
{
    public static T InNamespace<T>(this T resource, string @namespace) where T : ISafedropResource
    {
        resource.Metadata.NamespaceProperty = @namespace;
        return resource;
    }
}
