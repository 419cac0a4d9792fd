using System.Globalization;
using k8s;
using k8s.Models;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Platform;

/// <summary>The managed MinIO: credentials, headless and client Services, the StatefulSet and, when distributed, its disruption budget.</summary>
public static class MinioBuilder
{
    public const int Port = 9000;
    public const string PortName = "s3";
    public const string DataPath = "/data";
    public const string VolumeName = "data";

    // The MinIO image's conventional non-root user.
    private const long User = 1000;

    private static readonly ComputeResources DefaultResources = new()
    {
        Requests = new ResourceAmounts { Cpu = "250m", Memory = "512Mi" },
        Limits = new ResourceAmounts { Memory = "2Gi" },
    };

    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> Build(PlatformContext context)
    {
        if (!context.ManagedStorage)
            yield break;
        yield return Credentials(context);
        yield return HeadlessService(context);
        yield return ClientService(context);
        yield return StatefulSet(context);
        if (context.DistributedMinio)
            yield return DisruptionBudget(context);
    }

    public static V1Secret Credentials(PlatformContext context)
    {
        var existing = context.Inputs.ExistingMinioCredentials;
        return GeneratedSecrets.Secret(ObjectMetadata.For(context, Component.Minio, context.Names.MinioCredentials), new Dictionary<string, byte[]>
        {
            [StorageTarget.AccessKeyKey] = GeneratedSecrets.Keep(existing, StorageTarget.AccessKeyKey, GeneratedSecrets.AccessKey),
            [StorageTarget.SecretKeyKey] = GeneratedSecrets.Keep(existing, StorageTarget.SecretKeyKey, GeneratedSecrets.SecretKey),
        });
    }

    /// <summary>Gives each pod a stable DNS name; peers must find each other before they are ready, hence publishNotReadyAddresses.</summary>
    public static V1Service HeadlessService(PlatformContext context) => new V1Service
    {
        Metadata = ObjectMetadata.For(context, Component.Minio, context.Names.MinioHeadless),
        Spec = new V1ServiceSpec
        {
            ClusterIP = "None",
            PublishNotReadyAddresses = true,
            Selector = PlatformLabels.Selector(context.Names, Component.Minio),
            Ports = [new V1ServicePort { Name = PortName, Port = Port, TargetPort = PortName }],
        },
    }.Initialize();

    public static V1Service ClientService(PlatformContext context) =>
        ClusterServices.For(context, Component.Minio, context.Names.Minio, PortName, Port, PortName);

    public static V1StatefulSet StatefulSet(PlatformContext context)
    {
        var minio = context.Minio;
        return new V1StatefulSet
        {
            Metadata = ObjectMetadata.For(context, Component.Minio, context.Names.Minio),
            Spec = new V1StatefulSetSpec
            {
                Replicas = minio.Replicas,
                ServiceName = context.Names.MinioHeadless,
                // Distributed MinIO waits for a quorum of peers before it is ready: start them all at once.
                PodManagementPolicy = "Parallel",
                Selector = ObjectMetadata.Selector(context, Component.Minio),
                Template = new V1PodTemplateSpec
                {
                    Metadata = ObjectMetadata.ForPods(context, Component.Minio),
                    Spec = new V1PodSpec
                    {
                        AutomountServiceAccountToken = false,
                        SecurityContext = SecurityContexts.Pod(User, ownsVolumes: true),
                        Containers = [Container(context)],
                        Volumes = [SecurityContexts.TmpVolume()],
                    },
                },
                VolumeClaimTemplates = [VolumeClaimTemplate(context)],
                // Claims are never owner-referenced by us; the StatefulSet controller deletes them with it only under Delete.
                PersistentVolumeClaimRetentionPolicy = new V1StatefulSetPersistentVolumeClaimRetentionPolicy
                {
                    WhenDeleted = context.RetainData ? "Retain" : "Delete",
                    WhenScaled = "Retain",
                },
            },
        }.Initialize();
    }

    /// <summary>
    /// <c>server /data</c> on one node; from four replicas every pod lists all peers, which MinIO
    /// expands from the <c>{0...N-1}</c> ellipsis, and erasure-codes objects across them.
    /// </summary>
    public static IReadOnlyList<string> ServerArguments(PlatformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var volumes = context.DistributedMinio
            ? string.Create(CultureInfo.InvariantCulture,
                $"http://{context.Names.Minio}-{{0...{context.Minio.Replicas - 1}}}.{context.Names.MinioHeadless}.{context.Namespace}.svc.cluster.local{DataPath}")
            : DataPath;
        // The certificates folder defaults to ~/.minio/certs, which a read-only root filesystem cannot hold.
        return ["server", volumes, "--address", $":{Port}", "--certs-dir", "/tmp/certs"];
    }

    private static V1Container Container(PlatformContext context)
    {
        var target = StorageTarget.Of(context);
        List<V1EnvVar> env =
        [
            EnvVars.FromSecret("MINIO_ROOT_USER", target.CredentialsSecret, StorageTarget.AccessKeyKey),
            EnvVars.FromSecret("MINIO_ROOT_PASSWORD", target.CredentialsSecret, StorageTarget.SecretKeyKey),
            // Only the S3 API is needed: no web console.
            EnvVars.Literal("MINIO_BROWSER", "off"),
        ];
        // Browsers upload directly to presigned URLs from the portal's origin.
        if (Origin(context.Spec.Api.PublicUrl) is { } origin)
            env.Add(EnvVars.Literal("MINIO_API_CORS_ALLOW_ORIGIN", origin));

        return new V1Container
        {
            Name = "minio",
            Image = context.Inputs.MinioImage,
            Command = ["minio"],
            Args = [.. ServerArguments(context)],
            Ports = [new V1ContainerPort { Name = PortName, ContainerPort = Port }],
            Env = env,
            Resources = context.Minio.Resources.ToRequirements(DefaultResources),
            LivenessProbe = Probes.Http("/minio/health/live", PortName),
            ReadinessProbe = Probes.Http("/minio/health/ready", PortName, periodSeconds: 5),
            SecurityContext = SecurityContexts.Container(),
            VolumeMounts = [new V1VolumeMount { Name = VolumeName, MountPath = DataPath }, SecurityContexts.TmpMount()],
        };
    }

    private static V1PersistentVolumeClaim VolumeClaimTemplate(PlatformContext context) => new()
    {
        // No ownerReferences: a claim must be able to outlive the Organization (see the retention policy).
        Metadata = new V1ObjectMeta { Name = VolumeName, Labels = PlatformLabels.For(context.Names, Component.Minio) },
        Spec = new V1PersistentVolumeClaimSpec
        {
            AccessModes = ["ReadWriteOnce"],
            StorageClassName = context.Minio.StorageClassName,
            Resources = new V1VolumeResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(context.Minio.Size) },
            },
        },
    };

    private static V1PodDisruptionBudget DisruptionBudget(PlatformContext context) => new V1PodDisruptionBudget
    {
        Metadata = ObjectMetadata.For(context, Component.Minio, context.Names.Minio),
        Spec = new V1PodDisruptionBudgetSpec
        {
            MaxUnavailable = 1,
            Selector = ObjectMetadata.Selector(context, Component.Minio),
        },
    }.Initialize();

    /// <summary>scheme://host[:port] of a URL, as browsers send it in the Origin header.</summary>
    public static string? Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
