using System.Text;
using k8s;
using k8s.Models;
using Safedrop.Operator.Kube;
using Safedrop.Operator.Platform;
using Safedrop.Operator.Runtime.Apply;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Reconcilers;

/// <summary>
/// Makes an Organization's children match the platform plan: applies what differs from the cache
/// (so an unchanged tenant costs no write), and deletes children the plan no longer contains,
/// except those it holds back (left as they are).
/// </summary>
internal sealed class ChildSync(KubeWriter writer, PlatformImages images)
{
    /// <returns>The number of writes made.</returns>
    public async Task<int> SyncAsync(Organization organization, TenantConfig config, OperatorCaches caches, CancellationToken cancellationToken)
    {
        var names = new PlatformNames(organization.Metadata.Name);
        var @namespace = organization.Metadata.NamespaceProperty;
        var context = PlatformContext.From(organization, config, Inputs(caches, @namespace, names));
        var desired = PlatformPlan.Build(context);
        var writes = 0;
        foreach (var child in desired)
        {
            DesiredState.Stamp(child);
            var observed = caches.Find(child.GetType(), @namespace, child.Metadata.Name);
            if (DesiredState.IsSatisfied(child, observed)) continue;
            await writer.ApplyAsync(child, cancellationToken);
            writes++;
        }

        var wanted = desired.Select(d => (d.GetType(), d.Metadata.Name)).Concat(PlatformPlan.HeldBack(context)).ToHashSet();
        foreach (var stale in caches.Children(@namespace).Where(c => IsOurs(c, names) && !wanted.Contains((c.GetType(), c.Metadata.Name))).ToList())
        {
            await writer.DeleteAsync(stale, cancellationToken);
            writes++;
        }

        return writes;
    }

    private PlatformInputs Inputs(OperatorCaches caches, string @namespace, PlatformNames names)
    {
        IDictionary<string, byte[]>? Existing(string name) => caches.Of<V1Secret>().Get(new(@namespace, name)) is { } secret
            ? secret.Data ?? secret.StringData?.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value))
            : null;

        return new PlatformInputs
        {
            DefaultApiImage = images.Api,
            MinioImage = images.Minio,
            RedisImage = images.Redis,
            ExistingMinioCredentials = Existing(names.MinioCredentials),
            ExistingPinCacheCredentials = Existing(names.PinCacheCredentials),
            ExistingSessionCacheCredentials = Existing(names.SessionCacheCredentials),
            ExistingKeyEncryptionKey = Existing(names.KeyEncryptionKey),
        };
    }

    /// <summary>A child of this Organization that may be removed (the generated key-encryption key never is).</summary>
    private static bool IsOurs(IKubernetesObject<V1ObjectMeta> child, PlatformNames names) =>
        Value(child.Metadata.Labels, PlatformLabels.Instance) == names.Instance
        && Value(child.Metadata.Annotations, KeyEncryptionKeyBuilder.NeverPruneAnnotation) != KeyEncryptionKeyBuilder.NeverPruneValue;

    private static string? Value(IDictionary<string, string>? map, string key) => map is not null && map.TryGetValue(key, out var value) ? value : null;
}

/// <summary>Images the operator runs tenants with; bound from configuration ("Images").</summary>
public sealed class PlatformImages
{
    public const string Section = "Images";

    public string Api { get; set; } = "ghcr.io/safedrop/api:0.1.0";
    public string Minio { get; set; } = "quay.io/minio/minio:RELEASE.2025-04-22T22-12-26Z";
    public string Redis { get; set; } = "redis:7.4-alpine";
}
