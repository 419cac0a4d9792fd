using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Platform;

/// <summary>Everything one build reads, resolved once: who owns the objects, where they go and the platform spec in force.</summary>
public sealed record PlatformContext
{
    public required string Organization { get; init; }
    public required string Namespace { get; init; }
    public required string Uid { get; init; }
    public required PlatformSpec Spec { get; init; }

    /// <summary>Stored data and its key outlive the Organization (spec.dataRetention.onDelete: Retain).</summary>
    public required bool RetainData { get; init; }

    public required PlatformNames Names { get; init; }
    public required TenantConfig Compiled { get; init; }
    public required PlatformInputs Inputs { get; init; }

    public bool ManagedStorage => Spec.Storage.External is null;
    public ManagedStorageSpec Minio => Spec.Storage.Managed ?? new ManagedStorageSpec();

    /// <summary>MinIO runs erasure-coded across its pods from four replicas on.</summary>
    public bool DistributedMinio => ManagedStorage && Minio.Replicas >= 4;

    public CacheSlot PinCache => new(Component.PinCache, Spec.PinCache, Names.PinCache, Names.PinCacheCredentials, Inputs.ExistingPinCacheCredentials);
    public CacheSlot SessionCache => new(Component.SessionCache, Spec.SessionCache, Names.SessionCache, Names.SessionCacheCredentials, Inputs.ExistingSessionCacheCredentials);

    public string KeyEncryptionKeySecret => Spec.KeyEncryptionKeySecretRef?.Name ?? Names.KeyEncryptionKey;

    public static PlatformContext From(Organization organization, TenantConfig compiled, PlatformInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(inputs);
        var meta = organization.Metadata;
        if (string.IsNullOrEmpty(meta.Name) || string.IsNullOrEmpty(meta.NamespaceProperty) || string.IsNullOrEmpty(meta.Uid))
            throw new ArgumentException("The Organization needs a name, a namespace and a uid (read it from the API server) to own its children.", nameof(organization));
        if (compiled.Namespace != meta.NamespaceProperty)
            throw new ArgumentException($"The compiled config is for namespace '{compiled.Namespace}', not '{meta.NamespaceProperty}'.", nameof(compiled));

        // The platform runs the Organization's last valid form, like every other part of the config;
        // a namespace whose Organization never compiled runs what its spec says.
        var inForce = compiled.Organization is { } c && c.Name == meta.Name ? c : null;
        return new PlatformContext
        {
            Organization = meta.Name,
            Namespace = meta.NamespaceProperty,
            Uid = meta.Uid,
            Spec = inForce?.Platform ?? organization.Spec.Platform,
            // Either form asking to retain wins: deleting stored data must never follow from a spec that is not in force.
            RetainData = organization.Spec.DataRetention.OnDelete == DeletionPolicy.Retain || inForce?.OnDelete == DeletionPolicy.Retain,
            Names = new PlatformNames(meta.Name),
            Compiled = compiled,
            Inputs = inputs,
        };
    }
}

/// <summary>One of the two Redis caches: its spec, names and current credentials.</summary>
public sealed record CacheSlot(Component Component, CacheSpec Spec, string Name, string CredentialsSecret, IDictionary<string, byte[]>? ExistingCredentials)
{
    public bool Managed => Spec.External is null;
    public ManagedCacheSpec ManagedSpec => Spec.Managed ?? new ManagedCacheSpec();

    /// <summary>The Secret whose key <c>connectionString</c> the API reads: the generated one or the referenced one.</summary>
    public string ConnectionSecret => Spec.External?.SecretRef.Name ?? CredentialsSecret;
}
