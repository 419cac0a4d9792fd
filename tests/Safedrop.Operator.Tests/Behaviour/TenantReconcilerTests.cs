using k8s;
using k8s.Models;
using Safedrop.Operator.Platform;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using Safedrop.Testing;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Operator.Tests.Behaviour;

/// <summary>
/// The tenant reconciler against an API server: the fake by default, a real Cluster when
/// SAFEDROP_TEST_KUBECONFIG is set.
/// </summary>
public sealed class TenantReconcilerTests() : KubeClusterTest("tenant")
{
    private OperatorUnderTest op = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        op = await OperatorUnderTest.StartAsync(Cluster.Configuration);
    }

    public override async ValueTask DisposeAsync()
    {
        await op.DisposeAsync();
        await base.DisposeAsync();
    }

    private Organization Acme(Action<OrganizationSpec>? configure = null) => AnOrganization(@namespace: Namespace, configure: configure);

    private static PlatformNames Names => new("acme");

    [Fact]
    public async Task Should_CreateTheChildrenWithOwnerReferences_When_AnOrganizationIsApplied()
    {
        var org = await Cluster.Client.CreateAsync(Acme());

        Assert.True(await op.ReconcileAsync(Cluster, Namespace) > 0);

        var api = await Cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(Names.Api, Namespace, cancellationToken: Ct);
        var owner = Assert.Single(api.Metadata.OwnerReferences);
        Assert.Equal((org.Metadata.Uid, "Organization", true), (owner.Uid, owner.Kind, owner.Controller));
        var minio = await Cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync(Names.Minio, Namespace, cancellationToken: Ct);
        Assert.Equal(org.Metadata.Uid, minio.Metadata.OwnerReferences.Single().Uid);
        var snapshot = await Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync(Names.Config, Namespace, cancellationToken: Ct);
        Assert.Equal("acme", TenantSnapshotFormat.Decode(snapshot).Config!.Organization!.Name);
        Assert.Contains(DataRetentionFinalizer, (await Cluster.Client.FindAsync<Organization>(Namespace, "acme"))!.Metadata.Finalizers);
    }

    [Fact]
    public async Task Should_WriteNothing_When_ReconcilingAgainWithNothingChanged()
    {
        await Cluster.Client.CreateAsync(Acme());
        await Cluster.Client.CreateAsync(ADropzone("support").InNamespace(Namespace));
        Assert.True(await op.ReconcileAsync(Cluster, Namespace) > 0);
        var mark = Cluster.Fake?.Requests.Mark();
        var before = op.Writes.Writes;

        var writes = await op.ReconcileAsync(Cluster, Namespace);

        Assert.Equal(0, writes);
        Assert.Equal(before, op.Writes.Writes);
        if (mark is { } m) Assert.Equal(0, Cluster.Fake!.Requests.WritesSince(m));
    }

    [Fact]
    public async Task Should_RestoreAChild_When_ItIsDeletedOrEdited()
    {
        await Cluster.Client.CreateAsync(Acme());
        await op.ReconcileAsync(Cluster, Namespace);

        await Cluster.Client.AppsV1.DeleteNamespacedDeploymentAsync(Names.Api, Namespace, cancellationToken: Ct);
        await Cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(new { binaryData = new Dictionary<string, byte[]> { [TenantSnapshotFormat.ConfigKey] = [1, 2, 3] } }, V1Patch.PatchType.MergePatch), Names.Config, Namespace, cancellationToken: Ct);
        Assert.True(await op.ReconcileAsync(Cluster, Namespace) >= 2);

        Assert.NotNull(await Cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(Names.Api, Namespace, cancellationToken: Ct));
        var snapshot = await Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync(Names.Config, Namespace, cancellationToken: Ct);
        Assert.Equal("acme", TenantSnapshotFormat.Decode(snapshot).Config!.Organization!.Name);
    }

    [Fact]
    public async Task Should_ReportTheReason_And_KeepTheLastValidForm_When_ADropzoneBecomesInvalid()
    {
        await Cluster.Client.CreateAsync(Acme());
        await Cluster.Client.CreateAsync(ADropzone("support", configure: s => s.Members = ["carol@acme.example"]).InNamespace(Namespace));
        await op.ReconcileAsync(Cluster, Namespace);

        await Cluster.Client.MergePatchAsync<Dropzone>(Namespace, "support", new { spec = new { members = new[] { "carol@acme.example", "eve@partner.example" } } });
        await op.ReconcileAsync(Cluster, Namespace);

        var dropzone = (await Cluster.Client.FindAsync<Dropzone>(Namespace, "support"))!;
        var ready = dropzone.Condition(ConditionTypes.Ready)!;
        Assert.Equal((ConditionStatus.False, "MemberNotRegistered", 2L), (ready.Status, ready.Reason, ready.ObservedGeneration));
        var snapshot = await Cluster.Client.CoreV1.ReadNamespacedConfigMapAsync(Names.Config, Namespace, cancellationToken: Ct);
        var inForce = TenantSnapshotFormat.Decode(snapshot).Config!.Dropzones["support"];
        Assert.Equal(1L, inForce.Generation);
        Assert.Equal(["carol@acme.example"], inForce.Members);
    }

    [Fact]
    public async Task Should_ReportThePlatformNotReady_Until_ItsWorkloadsRun()
    {
        await Cluster.Client.CreateAsync(Acme());
        await op.ReconcileAsync(Cluster, Namespace);

        var org = (await Cluster.Client.FindAsync<Organization>(Namespace, "acme"))!;
        Assert.Equal("PlatformNotReady", org.Condition(ConditionTypes.Ready)!.Reason);
        Assert.Equal("Progressing", org.Condition(ConditionTypes.PlatformReady)!.Reason);
        Assert.Equal($"http://{Names.Api}.{Namespace}.svc", org.Status.ApiEndpoint);
    }

    [Fact]
    public async Task Should_ReportEachDropzonesUploadPage_In_ItsStatus()
    {
        await Cluster.Client.CreateAsync(Acme());
        await Cluster.Client.CreateAsync(ADropzone("support").InNamespace(Namespace));
        await op.ReconcileAsync(Cluster, Namespace);

        var dropzone = (await Cluster.Client.FindAsync<Dropzone>(Namespace, "support"))!;
        Assert.Equal($"http://{Names.Api}.{Namespace}.svc/d/support", dropzone.Status.UploadUrl);
    }

    [Fact]
    public async Task Should_RejectAnOwnerChange_Of_APersonalWorkflow()
    {
        await Cluster.Client.CreateAsync(AWorkflow("notify").InNamespace(Namespace));

        var refused = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() =>
            Cluster.Client.MergePatchAsync<PersonalWorkflow>(Namespace, "notify", new { spec = new { owner = "someone.else@acme.example" } }));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.Response.StatusCode);
        Assert.Contains("spec.owner is immutable", refused.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_KeepStoredDataAndItsKey_When_TheOrganizationIsDeleted()
    {
        await Cluster.Client.CreateAsync(Acme());
        await op.ReconcileAsync(Cluster, Namespace);

        await Cluster.Client.DeleteAsync<Organization>(Namespace, "acme");
        Assert.NotNull((await Cluster.Client.FindAsync<Organization>(Namespace, "acme"))?.Metadata.DeletionTimestamp); // held by the finalizer
        await op.ReconcileAsync(Cluster, Namespace);

        Assert.Null(await Cluster.Client.FindAsync<Organization>(Namespace, "acme"));
        var kek = await Cluster.Client.CoreV1.ReadNamespacedSecretAsync(Names.KeyEncryptionKey, Namespace, cancellationToken: Ct);
        Assert.True(kek.Metadata.OwnerReferences is null or { Count: 0 });
        var minio = await Cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync(Names.Minio, Namespace, cancellationToken: Ct);
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
