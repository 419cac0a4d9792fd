using k8s.Models;
using Safedrop.Resources.Model;
using static Safedrop.Operator.Tests.Platform.Platforms;

namespace Safedrop.Operator.Tests.Platform;

public class MinioTests
{
    private static V1StatefulSet StatefulSet(Action<OrganizationSpec>? configure = null) =>
        Plan(configure).Get<V1StatefulSet>("safedrop-acme-minio");

    private static V1Container Container(V1StatefulSet statefulSet) => statefulSet.Spec.Template.Spec.Containers.Single();

    [Fact]
    public void Should_RunMinioOnOneNode_When_OneReplica()
    {
        var statefulSet = StatefulSet();

        Assert.Equal(1, statefulSet.Spec.Replicas);
        Assert.Equal(["server", "/data"], Container(statefulSet).Args.Take(2));
    }

    [Fact]
    public void Should_RunMinioDistributed_When_FourOrMoreReplicas()
    {
        var statefulSet = StatefulSet(spec => spec.Platform.Storage.Managed = new ManagedStorageSpec { Replicas = 6 });

        Assert.Equal(6, statefulSet.Spec.Replicas);
        Assert.Equal(
            ["server", "http://safedrop-acme-minio-{0...5}.safedrop-acme-minio-headless.acme.svc.cluster.local/data"],
            Container(statefulSet).Args.Take(2));
        Assert.Equal("safedrop-acme-minio-headless", statefulSet.Spec.ServiceName);
        Assert.Equal("Parallel", statefulSet.Spec.PodManagementPolicy);
    }

    [Fact]
    public void Should_LetPeersFindEachOtherBeforeTheyAreReady()
    {
        var headless = Plan().Get<V1Service>("safedrop-acme-minio-headless");

        Assert.Equal("None", headless.Spec.ClusterIP);
        Assert.True(headless.Spec.PublishNotReadyAddresses);
    }

    [Fact]
    public void Should_ServeS3OnPort9000ThroughTheClientService()
    {
        var service = Plan().Get<V1Service>("safedrop-acme-minio");

        Assert.Equal((9000, "s3"), (service.Spec.Ports.Single().Port, service.Spec.Ports.Single().TargetPort.Value));
        Assert.Equal("minio", service.Spec.Selector["app.kubernetes.io/component"]);
    }

    [Fact]
    public void Should_AllowOneMinioPodDown_When_Distributed()
    {
        var budget = Plan(spec => spec.Platform.Storage.Managed = new ManagedStorageSpec { Replicas = 4 }).Get<V1PodDisruptionBudget>("safedrop-acme-minio");

        Assert.Equal("1", budget.Spec.MaxUnavailable.Value);
        Assert.Null(budget.Spec.MinAvailable);
    }

    [Fact]
    public void Should_OmitTheMinioDisruptionBudget_When_SingleNode()
    {
        Assert.False(Plan().Has<V1PodDisruptionBudget>("safedrop-acme-minio"));
    }

    [Fact]
    public void Should_ClaimAVolumeOfTheSpecSizeAndClassPerPod()
    {
        var statefulSet = StatefulSet(spec => spec.Platform.Storage.Managed = new ManagedStorageSpec { Size = "250Gi", StorageClassName = "fast-ssd" });

        var claim = Assert.Single(statefulSet.Spec.VolumeClaimTemplates);
        Assert.Equal(new ResourceQuantity("250Gi"), claim.Spec.Resources.Requests["storage"]);
        Assert.Equal("fast-ssd", claim.Spec.StorageClassName);
        Assert.Contains(Container(statefulSet).VolumeMounts, m => m.Name == claim.Metadata.Name && m.MountPath == "/data");
    }

    [Fact]
    public void Should_UseTheClusterDefaultStorageClass_When_TheSpecNamesNone()
    {
        Assert.Null(StatefulSet().Spec.VolumeClaimTemplates.Single().Spec.StorageClassName);
    }

    [Theory]
    [InlineData(DeletionPolicy.Retain, "Retain")]
    [InlineData(DeletionPolicy.Delete, "Delete")]
    public void Should_DeleteVolumesWithTheStatefulSetOnlyUnderDelete(DeletionPolicy policy, string whenDeleted)
    {
        var retention = StatefulSet(spec => spec.DataRetention.OnDelete = policy).Spec.PersistentVolumeClaimRetentionPolicy;

        Assert.Equal((whenDeleted, "Retain"), (retention.WhenDeleted, retention.WhenScaled));
    }

    [Fact]
    public void Should_TakeRootCredentialsFromItsSecret()
    {
        var plan = Plan();
        var env = Container(plan.Get<V1StatefulSet>("safedrop-acme-minio")).Env;

        Assert.Equal(("safedrop-acme-minio-credentials", "accessKey"), Ref(env.Single(e => e.Name == "MINIO_ROOT_USER")));
        Assert.Equal(("safedrop-acme-minio-credentials", "secretKey"), Ref(env.Single(e => e.Name == "MINIO_ROOT_PASSWORD")));
    }

    [Fact]
    public void Should_AllowCorsFromThePublicUrlsOrigin_When_PublicUrlIsSet()
    {
        var env = Container(StatefulSet(spec => spec.Platform.Api.PublicUrl = "https://files.acme.example:8443/portal?x=1")).Env;

        Assert.Equal("https://files.acme.example:8443", env.Single(e => e.Name == "MINIO_API_CORS_ALLOW_ORIGIN").Value);
    }

    [Fact]
    public void Should_NotSetCors_When_PublicUrlIsUnset()
    {
        Assert.DoesNotContain(Container(StatefulSet()).Env, e => e.Name == "MINIO_API_CORS_ALLOW_ORIGIN");
    }

    [Fact]
    public void Should_ProbeMinioHealthEndpoints()
    {
        var container = Container(StatefulSet());

        Assert.Equal("/minio/health/live", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/minio/health/ready", container.ReadinessProbe.HttpGet.Path);
    }

    [Fact]
    public void Should_GenerateCredentials_When_NoneExist()
    {
        var secret = Plan().Get<V1Secret>("safedrop-acme-minio-credentials");

        Assert.Matches("^[A-Z0-9]{20}$", secret.Text("accessKey"));
        Assert.Matches("^[A-Za-z0-9]{40}$", secret.Text("secretKey"));
    }

    [Fact]
    public void Should_GenerateDifferentCredentials_ForEachNewSecret()
    {
        Assert.NotEqual(Plan().Get<V1Secret>("safedrop-acme-minio-credentials").Text("secretKey"), Plan().Get<V1Secret>("safedrop-acme-minio-credentials").Text("secretKey"));
    }

    [Fact]
    public void Should_KeepExistingCredentials_When_SecretAlreadyExists()
    {
        var inputs = Inputs with
        {
            ExistingMinioCredentials = new Dictionary<string, byte[]> { ["accessKey"] = "EXISTINGACCESSKEY001"u8.ToArray(), ["secretKey"] = "existing-secret"u8.ToArray() },
        };

        var secret = Plan(inputs: inputs).Get<V1Secret>("safedrop-acme-minio-credentials");

        Assert.Equal(("EXISTINGACCESSKEY001", "existing-secret"), (secret.Text("accessKey"), secret.Text("secretKey")));
    }

    [Fact]
    public void Should_OmitMinio_When_StorageIsExternal()
    {
        var plan = Plan(ExternalEverything);

        Assert.DoesNotContain(plan, o => o.Metadata.Labels["app.kubernetes.io/component"] == "minio");
        Assert.Empty(plan.OfType<V1StatefulSet>());
    }

    private static (string, string) Ref(V1EnvVar env) => (env.ValueFrom.SecretKeyRef.Name, env.ValueFrom.SecretKeyRef.Key);
}
