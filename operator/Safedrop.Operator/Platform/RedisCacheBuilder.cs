using System.Globalization;
using System.Text;
using k8s;
using k8s.Models;

namespace Safedrop.Operator.Platform;

/// <summary>
/// A managed Redis cache (PIN or session): a password Secret, a single-replica Deployment without
/// persistence that evicts least-recently-used keys at its memory bound, and a Service. Losing it
/// signs people out or voids pending PINs, nothing more, so one replica is enough.
/// </summary>
public static class RedisCacheBuilder
{
    public const int Port = 6379;
    public const string PortName = "redis";
    public const string PasswordKey = "password";
    public const string ConnectionStringKey = "connectionString";
    public const string ConfigKey = "redis.conf";

    private const string ConfigPath = "/etc/redis";
    // The redis image's own non-root user.
    private const long User = 999;
    private const long MiB = 1024 * 1024;

    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> Build(PlatformContext context, CacheSlot cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (!cache.Managed)
            yield break;
        yield return Credentials(context, cache);
        yield return Deployment(context, cache);
        yield return Service(context, cache);
    }

    /// <summary>
    /// The password is kept across reconciles; the connection string the API reads and the config file
    /// Redis reads are derived from it, so the password never appears on a command line.
    /// </summary>
    public static V1Secret Credentials(PlatformContext context, CacheSlot cache)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cache);
        var password = GeneratedSecrets.Keep(cache.ExistingCredentials, PasswordKey, GeneratedSecrets.SecretKey);
        var text = Encoding.UTF8.GetString(password);
        return GeneratedSecrets.Secret(ObjectMetadata.For(context, cache.Component, cache.CredentialsSecret), new Dictionary<string, byte[]>
        {
            [PasswordKey] = password,
            [ConnectionStringKey] = Encoding.UTF8.GetBytes($"{cache.Name}.{context.Namespace}.svc:{Port},password={text},abortConnect=false"),
            [ConfigKey] = Encoding.UTF8.GetBytes($"requirepass {Quote(text)}\n"),
        });
    }

    public static V1Deployment Deployment(PlatformContext context, CacheSlot cache)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cache);
        var maxMemory = MaxMemoryBytes(cache.ManagedSpec.Memory);
        return new V1Deployment
        {
            Metadata = ObjectMetadata.For(context, cache.Component, cache.Name),
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = ObjectMetadata.Selector(context, cache.Component),
                Template = new V1PodTemplateSpec
                {
                    Metadata = ObjectMetadata.ForPods(context, cache.Component),
                    Spec = new V1PodSpec
                    {
                        AutomountServiceAccountToken = false,
                        SecurityContext = SecurityContexts.Pod(User, ownsVolumes: true),
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "redis",
                                Image = context.Inputs.RedisImage,
                                Command = ["redis-server"],
                                Args = [.. ServerArguments(maxMemory)],
                                Ports = [new V1ContainerPort { Name = PortName, ContainerPort = Port }],
                                Resources = new V1ResourceRequirements
                                {
                                    Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("50m"), ["memory"] = Bytes(maxMemory) },
                                    Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = Bytes(MemoryLimitBytes(maxMemory)) },
                                },
                                LivenessProbe = Probes.Tcp(PortName),
                                ReadinessProbe = Probes.Tcp(PortName, periodSeconds: 5),
                                SecurityContext = SecurityContexts.Container(),
                                VolumeMounts =
                                [
                                    new V1VolumeMount { Name = "config", MountPath = ConfigPath, ReadOnlyProperty = true },
                                    new V1VolumeMount { Name = "data", MountPath = "/data" },
                                ],
                            },
                        ],
                        Volumes =
                        [
                            new V1Volume
                            {
                                Name = "config",
                                Secret = new V1SecretVolumeSource
                                {
                                    SecretName = cache.CredentialsSecret,
                                    Items = [new V1KeyToPath { Key = ConfigKey, Path = ConfigKey }],
                                    DefaultMode = 0b100_100_000, // 0440: the pod's group (fsGroup) reads it
                                },
                            },
                            // The working directory; nothing is persisted, but Redis expects to be able to write there.
                            new V1Volume { Name = "data", EmptyDir = new V1EmptyDirVolumeSource() },
                        ],
                    },
                },
            },
        }.Initialize();
    }

    /// <summary>The config file (holding requirepass) first, then a pure cache: no snapshots, no AOF, LRU eviction at maxmemory.</summary>
    public static IReadOnlyList<string> ServerArguments(long maxMemoryBytes) =>
    [
        $"{ConfigPath}/{ConfigKey}",
        "--save", "",
        "--appendonly", "no",
        "--maxmemory", maxMemoryBytes.ToString(CultureInfo.InvariantCulture),
        "--maxmemory-policy", "allkeys-lru",
    ];

    public static V1Service Service(PlatformContext context, CacheSlot cache)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cache);
        return ClusterServices.For(context, cache.Component, cache.Name, PortName, Port, PortName);
    }

    /// <summary>The spec's memory quantity in bytes (Redis takes maxmemory as a plain number).</summary>
    public static long MaxMemoryBytes(string memory)
    {
        var bytes = decimal.Ceiling(new ResourceQuantity(memory).ToDecimal());
        if (bytes < MiB)
            throw new ArgumentException($"A Redis cache needs at least 1Mi of memory, not '{memory}'.", nameof(memory));
        return (long)bytes;
    }

    /// <summary>
    /// The pod's memory limit: maxmemory bounds the data, not Redis' own overhead (buffers,
    /// fragmentation), so the limit sits 25% above it, and at least 16Mi above for small caches.
    /// </summary>
    public static long MemoryLimitBytes(long maxMemoryBytes) => maxMemoryBytes + Math.Max(maxMemoryBytes / 4, 16 * MiB);

    /// <summary>A double-quoted redis.conf string, so any password reads back as written.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static ResourceQuantity Bytes(long bytes) => new(bytes, 0, ResourceQuantity.SuffixFormat.BinarySI);
}
