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

    /// <summary>The acme Organization with the mail relay a cluster needs, then <paramref name="configure"/>.</summary>
    private Organization Acme(Action<OrganizationSpec>? configure = null) => AnOrganization(@namespace: Namespace, configure: spec =>
    {
        Platform.Platforms.MailRelay(spec);
        configure?.Invoke(spec);
    });

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
    public async Task Should_KeepTheApisRunFigures_When_TheOperatorRewritesAWorkflowsStatus()
    {
        await Cluster.Client.CreateAsync(Acme());
        await Cluster.Client.CreateAsync(AWorkflow("notify").InNamespace(Namespace));
        await op.ReconcileAsync(Cluster, Namespace);
        // What the API writes after runs: a merge patch of the status subresource under its own field manager.
        var figures = new { status = new { runs = new { total = 3, succeeded = 2, failed = 1 }, lastRun = new { id = "20250101000000000-abc", state = "Failed" } } };
        await Cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch(figures, V1Patch.PatchType.MergePatch),
            Organization.Group, Organization.Version, Namespace, PersonalWorkflow.Plural, "notify", fieldManager: "safedrop-api", cancellationToken: Ct);

        // A new generation makes the operator write the workflow's status again.
        await Cluster.Client.MergePatchAsync<PersonalWorkflow>(Namespace, "notify", new { spec = new { description = "changed" } });
        await op.Caches.WaitUntilAsync(c => c.List<PersonalWorkflow>(Namespace).Any(w => w.Metadata.Generation == 2), Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await op.ReconcileAsync(Cluster, Namespace);

        var stored = (await Cluster.Client.FindAsync<PersonalWorkflow>(Namespace, "notify"))!;
        Assert.Equal(2, stored.Status.ObservedGeneration);
        Assert.Equal((3L, 2L, 1L), (stored.Status.Runs!.Total, stored.Status.Runs.Succeeded, stored.Status.Runs.Failed));
        Assert.Equal(("20250101000000000-abc", "Failed"), (stored.Status.LastRun!.Id, stored.Status.LastRun.State));
    }

    [Fact]
    public void Should_LeaveTheRunFiguresOutOfTheOperatorsStatusPatch_When_ItWritesAWorkflow()
    {
        var workflow = AWorkflow("notify");
        workflow.Status.ObservedGeneration = 4;
        workflow.Status.Runs = new WorkflowRunCounts { Total = 1, Succeeded = 1 };
        workflow.Status.LastRun = new WorkflowRunSummary { Id = "stale" };

        var json = k8s.KubernetesJson.Serialize(new { status = Reconcilers.StatusSync.OwnedStatus(workflow) });

        Assert.Contains("\"observedGeneration\":4", json, StringComparison.Ordinal);
        Assert.DoesNotContain("runs", json, StringComparison.Ordinal);
        Assert.DoesNotContain("lastRun", json, StringComparison.Ordinal);
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

    [Fact]
    public async Task Should_ExposeThePublicHostsThroughIngresses_When_APublicUrlAndEndpointAreDeclared()
    {
        var org = await Cluster.Client.CreateAsync(Acme(spec =>
        {
            spec.Platform.Api.PublicUrl = "https://files.acme.example";
            spec.Platform.Storage.Managed = new ManagedStorageSpec { PublicEndpoint = "https://s3.files.acme.example" };
            spec.Platform.Ingress = new IngressSpec { ClassName = "nginx", StorageTlsSecretName = "s3-tls" };
        }));

        await op.ReconcileAsync(Cluster, Namespace);

        var minio = await Cluster.Client.NetworkingV1.ReadNamespacedIngressAsync(Names.Minio, Namespace, cancellationToken: Ct);
        var rule = minio.Spec.Rules.Single();
        Assert.Equal(("s3.files.acme.example", Names.Minio, "s3"), (rule.Host, rule.Http.Paths.Single().Backend.Service.Name, rule.Http.Paths.Single().Backend.Service.Port.Name));
        Assert.Equal(("nginx", "s3-tls"), (minio.Spec.IngressClassName, minio.Spec.Tls.Single().SecretName));
        Assert.Equal(org.Metadata.Uid, minio.Metadata.OwnerReferences.Single().Uid);
        var api = await Cluster.Client.NetworkingV1.ReadNamespacedIngressAsync(Names.Api, Namespace, cancellationToken: Ct);
        Assert.Equal(("files.acme.example", Names.Api), (api.Spec.Rules.Single().Host, api.Spec.Rules.Single().Http.Paths.Single().Backend.Service.Name));
        Assert.Equal(0, await op.ReconcileAsync(Cluster, Namespace));
    }

    [Fact]
    public async Task Should_RemoveTheIngresses_When_ThePublicUrlsAreDropped()
    {
        await Cluster.Client.CreateAsync(Acme(spec => spec.Platform.Api.PublicUrl = "https://files.acme.example"));
        await op.ReconcileAsync(Cluster, Namespace);
        Assert.Single((await Cluster.Client.NetworkingV1.ListNamespacedIngressAsync(Namespace, cancellationToken: Ct)).Items);

        await Cluster.Client.MergePatchAsync<Organization>(Namespace, "acme", System.Text.Json.Nodes.JsonNode.Parse("""{ "spec": { "platform": { "api": { "publicUrl": null } } } }""")!);
        await op.ReconcileAsync(Cluster, Namespace);

        Assert.Empty((await Cluster.Client.NetworkingV1.ListNamespacedIngressAsync(Namespace, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Should_KeepAnAdminsRotatedKeys_When_Reconciling()
    {
        await Cluster.Client.CreateAsync(Acme());
        await op.ReconcileAsync(Cluster, Namespace);
        var generated = await Cluster.Client.CoreV1.ReadNamespacedSecretAsync(Names.KeyEncryptionKey, Namespace, cancellationToken: Ct);
        var old = generated.Data["kek"];
        var rotated = System.Text.Encoding.UTF8.GetBytes(Convert.ToBase64String(Enumerable.Repeat((byte)42, 32).ToArray()));

        // As `kubectl edit secret` would: the new key in kek, the old one in kek-previous.
        await Cluster.Client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch(new { data = new Dictionary<string, byte[]> { ["kek"] = rotated, ["kek-previous"] = old } }, V1Patch.PatchType.MergePatch),
            Names.KeyEncryptionKey, Namespace, fieldManager: "kubectl-edit", cancellationToken: Ct);
        await op.ReconcileAsync(Cluster, Namespace);
        await op.ReconcileAsync(Cluster, Namespace);

        var secret = await Cluster.Client.CoreV1.ReadNamespacedSecretAsync(Names.KeyEncryptionKey, Namespace, cancellationToken: Ct);
        Assert.Equal(rotated, secret.Data["kek"]);
        Assert.Equal(old, secret.Data["kek-previous"]);
        var api = await Cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(Names.Api, Namespace, cancellationToken: Ct);
        var previous = api.Spec.Template.Spec.Containers.Single().Env.Single(e => e.Name == ApiEnvironment.PreviousKeyEncryptionKeys).ValueFrom.SecretKeyRef;
        Assert.Equal((Names.KeyEncryptionKey, "kek-previous", true), (previous.Name, previous.Key, previous.Optional));
    }

    [Fact]
    public async Task Should_HoldBackTheApi_And_SayWhatToAdd_When_NoMailRelayIsDeclared()
    {
        await Cluster.Client.CreateAsync(AnOrganization(@namespace: Namespace));

        await op.ReconcileAsync(Cluster, Namespace);

        var org = (await Cluster.Client.FindAsync<Organization>(Namespace, "acme"))!;
        var platformReady = org.Condition(ConditionTypes.PlatformReady)!;
        Assert.Equal((ConditionStatus.False, ApiBlocker.MailRelayMissing), (platformReady.Status, platformReady.Reason));
        Assert.Contains("spec.platform.mail", platformReady.Message, StringComparison.Ordinal);
        Assert.Equal((ConditionStatus.False, "PlatformNotReady"), (org.Condition(ConditionTypes.Ready)!.Status, org.Condition(ConditionTypes.Ready)!.Reason));
        Assert.DoesNotContain((await Cluster.Client.AppsV1.ListNamespacedDeploymentAsync(Namespace, cancellationToken: Ct)).Items, d => d.Metadata.Name == Names.Api);
        Assert.NotNull(await Cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync(Names.Minio, Namespace, cancellationToken: Ct));

        await Cluster.Client.MergePatchAsync<Organization>(Namespace, "acme", new { spec = new { platform = new { mail = new { host = "smtp.acme.example", from = "no-reply@acme.example" } } } });
        await op.ReconcileAsync(Cluster, Namespace);

        Assert.NotNull(await Cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(Names.Api, Namespace, cancellationToken: Ct));
        Assert.Equal("Progressing", (await Cluster.Client.FindAsync<Organization>(Namespace, "acme"))!.Condition(ConditionTypes.PlatformReady)!.Reason);
    }

    [Fact]
    public async Task Should_LeaveARunningApiAsItIs_When_ItsMailRelayIsRemoved()
    {
        await Cluster.Client.CreateAsync(Acme());
        await op.ReconcileAsync(Cluster, Namespace);
        var before = await Cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(Names.Api, Namespace, cancellationToken: Ct);

        await Cluster.Client.MergePatchAsync<Organization>(Namespace, "acme", System.Text.Json.Nodes.JsonNode.Parse("""{ "spec": { "platform": { "mail": null } } }""")!);
        await op.ReconcileAsync(Cluster, Namespace);

        var after = await Cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(Names.Api, Namespace, cancellationToken: Ct);
        Assert.Equal(before.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.Equal(ApiBlocker.MailRelayMissing, (await Cluster.Client.FindAsync<Organization>(Namespace, "acme"))!.Condition(ConditionTypes.PlatformReady)!.Reason);
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
