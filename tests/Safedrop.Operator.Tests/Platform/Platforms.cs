using k8s;
using k8s.Models;
using Safedrop.Operator.Platform;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using Safedrop.Testing.Builders;

namespace Safedrop.Operator.Tests.Platform;

/// <summary>Arranges platform plans for the "acme" tenant and finds objects in them.</summary>
internal static class Platforms
{
    public const string Uid = "3f6c1c1e-8a57-4d8e-9a43-1b2f0e6f9d10";
    public const string Namespace = TenantBuilder.Namespace;

    public static readonly PlatformInputs Inputs = new()
    {
        DefaultApiImage = "ghcr.io/safedrop/api:1.0.0",
        MinioImage = "quay.io/minio/minio:RELEASE.2025-04-22T22-12-26Z",
        RedisImage = "docker.io/library/redis:7.4",
    };

    /// <summary>An Enterprise Organization with the mail relay a cluster needs (see <see cref="MailRelay"/>), then <paramref name="configure"/>.</summary>
    public static Organization AnOrganization(Action<OrganizationSpec>? configure = null, string name = "acme")
    {
        var organization = TenantBuilder.AnOrganization(Resources.Model.Plan.Enterprise, spec =>
        {
            MailRelay(spec);
            configure?.Invoke(spec);
        }, name);
        organization.Metadata.Uid = Uid;
        return organization;
    }

    public static TenantConfig Compile(Organization organization, params ISafedropResource[] others) =>
        TenantBuilder.Compile([organization, .. others]).Config;

    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Plan(Action<OrganizationSpec>? configure = null, PlatformInputs? inputs = null) =>
        Plan(AnOrganization(configure), inputs);

    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Plan(Organization organization, PlatformInputs? inputs = null, params ISafedropResource[] others) =>
        PlatformPlan.Build(organization, Compile(organization, others), inputs ?? Inputs);

    /// <summary>The SMTP relay the API cannot start without in a cluster.</summary>
    public static void MailRelay(OrganizationSpec spec) =>
        spec.Platform.Mail = new MailSpec { Host = "smtp.acme.example", From = "no-reply@acme.example" };

    /// <summary>Everything optional switched on: distributed MinIO with a public endpoint, managed caches, a public URL, several API replicas.</summary>
    public static void Everything(OrganizationSpec spec)
    {
        spec.Platform.Api.Replicas = 3;
        spec.Platform.Api.PublicUrl = "https://files.acme.example/portal";
        spec.Platform.Storage.Managed = new ManagedStorageSpec { Replicas = 4, Size = "50Gi", StorageClassName = "fast", PublicEndpoint = "https://s3.acme.example" };
        spec.Platform.PinCache.Managed = new ManagedCacheSpec { Memory = "64Mi" };
        spec.Platform.SessionCache.Managed = new ManagedCacheSpec { Memory = "128Mi" };
    }

    public static void ExternalEverything(OrganizationSpec spec)
    {
        spec.Platform.Storage.External = new ExternalStorageSpec
        {
            Endpoint = "https://s3.eu-central-1.amazonaws.com",
            Bucket = "acme-safedrop",
            Region = "eu-central-1",
            SecretRef = new SecretReference { Name = "acme-s3" },
        };
        spec.Platform.PinCache.External = new ExternalCacheSpec { SecretRef = new SecretReference { Name = "acme-pin-redis" } };
        spec.Platform.SessionCache.External = new ExternalCacheSpec { SecretRef = new SecretReference { Name = "acme-session-redis" } };
        spec.Platform.KeyEncryptionKeySecretRef = new SecretReference { Name = "acme-kek" };
    }

    /// <summary>Inputs as the next reconcile sees them: the generated Secrets of <paramref name="plan"/> exist.</summary>
    public static PlatformInputs WithSecretsOf(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> plan) => Inputs with
    {
        ExistingMinioCredentials = plan.SecretData("safedrop-acme-minio-credentials"),
        ExistingPinCacheCredentials = plan.SecretData("safedrop-acme-pin-cache-credentials"),
        ExistingSessionCacheCredentials = plan.SecretData("safedrop-acme-session-cache-credentials"),
        ExistingKeyEncryptionKey = plan.SecretData("safedrop-acme-kek"),
    };

    public static T Get<T>(this IReadOnlyList<IKubernetesObject<V1ObjectMeta>> plan, string name) where T : IKubernetesObject<V1ObjectMeta> =>
        plan.OfType<T>().Single(o => o.Metadata.Name == name);

    public static bool Has<T>(this IReadOnlyList<IKubernetesObject<V1ObjectMeta>> plan, string name) where T : IKubernetesObject<V1ObjectMeta> =>
        plan.OfType<T>().Any(o => o.Metadata.Name == name);

    public static string Text(this V1Secret secret, string key) => System.Text.Encoding.UTF8.GetString(secret.Data[key]);

    public static V1Container ApiContainer(this IReadOnlyList<IKubernetesObject<V1ObjectMeta>> plan) =>
        plan.Get<V1Deployment>("safedrop-acme-api").Spec.Template.Spec.Containers.Single();

    public static V1EnvVar Env(this V1Container container, string name) => container.Env.Single(e => e.Name == name);

    public static IEnumerable<V1PodTemplateSpec> PodTemplates(this IReadOnlyList<IKubernetesObject<V1ObjectMeta>> plan) =>
        plan.OfType<V1Deployment>().Select(d => d.Spec.Template).Concat(plan.OfType<V1StatefulSet>().Select(s => s.Spec.Template));

    public static string Json(this IReadOnlyList<IKubernetesObject<V1ObjectMeta>> plan) =>
        string.Join("\n", plan.Select(o => KubernetesJson.Serialize(o)));

    private static Dictionary<string, byte[]>? SecretData(this IReadOnlyList<IKubernetesObject<V1ObjectMeta>> plan, string name) =>
        plan.OfType<V1Secret>().SingleOrDefault(s => s.Metadata.Name == name)?.Data.ToDictionary(p => p.Key, p => p.Value.ToArray());
}
