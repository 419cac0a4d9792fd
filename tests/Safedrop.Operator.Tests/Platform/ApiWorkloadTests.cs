using k8s.Models;
using Safedrop.Operator.Platform;
using Safedrop.Resources.Model;
using Safedrop.Testing.Builders;
using static Safedrop.Operator.Tests.Platform.Platforms;

namespace Safedrop.Operator.Tests.Platform;

public class ApiWorkloadTests
{
    [Fact]
    public void Should_RunTheSpecReplicasAndImage()
    {
        var plan = Plan(spec => { spec.Platform.Api.Replicas = 4; spec.Platform.Api.Image = "registry.acme.example/safedrop-api:2.1.0"; });

        var deployment = plan.Get<V1Deployment>("safedrop-acme-api");
        Assert.Equal(4, deployment.Spec.Replicas);
        Assert.Equal("registry.acme.example/safedrop-api:2.1.0", deployment.Spec.Template.Spec.Containers.Single().Image);
    }

    [Fact]
    public void Should_UseTheOperatorsDefaultImage_When_TheSpecNamesNone()
    {
        Assert.Equal(Inputs.DefaultApiImage, Plan().ApiContainer().Image);
    }

    [Fact]
    public void Should_UseTheSpecResources_When_Given()
    {
        var plan = Plan(spec => spec.Platform.Api.Resources = new ComputeResources
        {
            Requests = new ResourceAmounts { Cpu = "250m", Memory = "256Mi" },
            Limits = new ResourceAmounts { Memory = "1Gi" },
        });

        var resources = plan.ApiContainer().Resources;
        Assert.Equal(new ResourceQuantity("250m"), resources.Requests["cpu"]);
        Assert.Equal(new ResourceQuantity("1Gi"), resources.Limits["memory"]);
        Assert.False(resources.Limits.ContainsKey("cpu"));
    }

    [Fact]
    public void Should_ProbeHealthzForLiveness_And_ReadyzForReadiness()
    {
        var container = Plan().ApiContainer();

        Assert.Equal(("/healthz", "http"), (container.LivenessProbe.HttpGet.Path, container.LivenessProbe.HttpGet.Port.Value));
        Assert.Equal(("/readyz", "http"), (container.ReadinessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Port.Value));
        Assert.Equal(8080, container.Ports.Single(p => p.Name == "http").ContainerPort);
    }

    [Fact]
    public void Should_ExposePort80OfTheServiceOnPort8080OfThePods()
    {
        var port = Plan().Get<V1Service>("safedrop-acme-api").Spec.Ports.Single();

        Assert.Equal((80, "8080"), (port.Port, port.TargetPort.Value));
    }

    [Fact]
    public void Should_RunUnderTheServiceAccountBoundToItsRole()
    {
        Assert.Equal("safedrop-acme-api", Plan().Get<V1Deployment>("safedrop-acme-api").Spec.Template.Spec.ServiceAccountName);
    }

    [Fact]
    public void Should_KeepOneApiPodAvailable_When_MoreThanOneReplicaRuns()
    {
        var budget = Plan(spec => spec.Platform.Api.Replicas = 2).Get<V1PodDisruptionBudget>("safedrop-acme-api");

        Assert.Equal("1", budget.Spec.MinAvailable.Value);
        Assert.Equal("api", budget.Spec.Selector.MatchLabels["app.kubernetes.io/component"]);
    }

    [Fact]
    public void Should_OmitTheDisruptionBudget_When_OneReplicaRuns()
    {
        Assert.False(Plan(spec => spec.Platform.Api.Replicas = 1).Has<V1PodDisruptionBudget>("safedrop-acme-api"));
    }

    [Fact]
    public void Should_WriteOnlyToAnEmptyDirAtTmp()
    {
        var pod = Plan().Get<V1Deployment>("safedrop-acme-api").Spec.Template.Spec;

        Assert.True(pod.Containers.Single().SecurityContext.ReadOnlyRootFilesystem);
        var mount = Assert.Single(pod.Containers.Single().VolumeMounts);
        Assert.Equal("/tmp", mount.MountPath);
        Assert.NotNull(pod.Volumes.Single(v => v.Name == mount.Name).EmptyDir);
    }

    [Fact]
    public void Should_KeepThePodTemplate_When_OnlyTheCompiledConfigChanges()
    {
        var organization = AnOrganization();
        var before = PlatformPlan.Build(organization, Compile(organization), Inputs);
        var after = PlatformPlan.Build(organization, Compile(organization, TenantBuilder.ADropzone("invoices")), Inputs);

        Assert.NotEqual(before.Get<V1ConfigMap>("safedrop-acme-config").Data["revision"], after.Get<V1ConfigMap>("safedrop-acme-config").Data["revision"]);
        Assert.Equal(Template(before), Template(after));
    }

    [Fact]
    public void Should_RollApiPods_When_AReferencedSecretNameChanges()
    {
        var before = Plan(spec => spec.Platform.KeyEncryptionKeySecretRef = new SecretReference { Name = "kek-2025" });
        var after = Plan(spec => spec.Platform.KeyEncryptionKeySecretRef = new SecretReference { Name = "kek-2026" });

        Assert.NotEqual(Template(before), Template(after));
    }

    [Fact]
    public void Should_PointTheApiAtTheManagedMinioCachesAndSnapshot()
    {
        var container = Plan(Everything).ApiContainer();

        Assert.Equal("http://safedrop-acme-minio.acme.svc:9000", container.Env(ApiEnvironment.StorageEndpoint).Value);
        Assert.Equal("https://s3.acme.example", container.Env(ApiEnvironment.StoragePublicEndpoint).Value);
        Assert.Equal("safedrop-acme-config", container.Env(ApiEnvironment.ConfigMap).Value);
        Assert.Equal(("safedrop-acme-minio-credentials", "accessKey"), SecretOf(container.Env(ApiEnvironment.StorageAccessKey)));
        Assert.Equal(("safedrop-acme-pin-cache-credentials", "connectionString"), SecretOf(container.Env(ApiEnvironment.PinCacheConnectionString)));
        Assert.Equal(("safedrop-acme-session-cache-credentials", "connectionString"), SecretOf(container.Env(ApiEnvironment.SessionCacheConnectionString)));
        Assert.Equal(("safedrop-acme-kek", "kek"), SecretOf(container.Env(ApiEnvironment.KeyEncryptionKey)));
    }

    [Fact]
    public void Should_PointTheApiAtExternalStorageAndCaches_When_TheyAreExternal()
    {
        var container = Plan(ExternalEverything).ApiContainer();

        Assert.Equal("https://s3.eu-central-1.amazonaws.com", container.Env(ApiEnvironment.StorageEndpoint).Value);
        Assert.Equal("acme-safedrop", container.Env(ApiEnvironment.StorageBucket).Value);
        Assert.Equal("eu-central-1", container.Env(ApiEnvironment.StorageRegion).Value);
        Assert.Equal(("acme-s3", "accessKey"), SecretOf(container.Env(ApiEnvironment.StorageAccessKey)));
        Assert.Equal(("acme-s3", "secretKey"), SecretOf(container.Env(ApiEnvironment.StorageSecretKey)));
        Assert.Equal(("acme-pin-redis", "connectionString"), SecretOf(container.Env(ApiEnvironment.PinCacheConnectionString)));
        Assert.Equal(("acme-session-redis", "connectionString"), SecretOf(container.Env(ApiEnvironment.SessionCacheConnectionString)));
        Assert.Equal(("acme-kek", "kek"), SecretOf(container.Env(ApiEnvironment.KeyEncryptionKey)));
    }

    [Fact]
    public void Should_PassTheMailRelayToTheApi_WithCredentialsFromTheSecret_When_MailIsDeclared()
    {
        var container = Plan(spec => spec.Platform.Mail = new MailSpec
        {
            Host = "smtp.acme.example",
            Port = 465,
            From = "no-reply@files.acme.example",
            Security = MailSecurity.Ssl,
            SecretRef = new SecretReference { Name = "acme-smtp" },
        }).ApiContainer();

        Assert.Equal("smtp.acme.example", container.Env(ApiEnvironment.MailHost).Value);
        Assert.Equal("465", container.Env(ApiEnvironment.MailPort).Value);
        Assert.Equal("no-reply@files.acme.example", container.Env(ApiEnvironment.MailFrom).Value);
        Assert.Equal("Ssl", container.Env(ApiEnvironment.MailSecurity).Value);
        Assert.Equal(("acme-smtp", "username"), SecretOf(container.Env(ApiEnvironment.MailUserName)));
        Assert.Equal(("acme-smtp", "password"), SecretOf(container.Env(ApiEnvironment.MailPassword)));
        Assert.Null(container.Env(ApiEnvironment.MailPassword).Value);
    }

    [Fact]
    public void Should_SetNoMailCredentials_When_TheRelayNeedsNone()
    {
        var container = Plan(spec => spec.Platform.Mail = new MailSpec { Host = "relay.acme.svc", From = "no-reply@acme.example" }).ApiContainer();

        Assert.Equal("587", container.Env(ApiEnvironment.MailPort).Value);
        Assert.Equal("StartTls", container.Env(ApiEnvironment.MailSecurity).Value);
        Assert.DoesNotContain(container.Env, e => e.Name is ApiEnvironment.MailUserName or ApiEnvironment.MailPassword);
    }

    private static (string, string) SecretOf(V1EnvVar env) => (env.ValueFrom.SecretKeyRef.Name, env.ValueFrom.SecretKeyRef.Key);

    private static string Template(IReadOnlyList<k8s.IKubernetesObject<V1ObjectMeta>> plan) =>
        k8s.KubernetesJson.Serialize(plan.Get<V1Deployment>("safedrop-acme-api").Spec.Template);
}
