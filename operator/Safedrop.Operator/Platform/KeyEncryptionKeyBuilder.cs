using k8s;
using k8s.Models;

namespace Safedrop.Operator.Platform;

/// <summary>
/// The Secret holding the key-encryption key, generated when the Organization names none. Only
/// <see cref="Key"/> is ever declared, with its existing value kept: an admin rotating the key edits
/// <see cref="Key"/> and adds <see cref="PreviousKey"/>, and a reconcile leaves both as they are
/// (server-side apply never touches a key it does not declare).
/// </summary>
public static class KeyEncryptionKeyBuilder
{
    public const string Key = "kek";

    /// <summary>Optional: the key (or comma-separated keys) being rotated away from, still accepted for unwrapping.</summary>
    public const string PreviousKey = "kek-previous";

    /// <summary>Annotation telling the reconciler never to delete this Secret when it leaves the plan.</summary>
    public const string NeverPruneAnnotation = "safedrop.io/prune";
    public const string NeverPruneValue = "never";

    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> Build(PlatformContext context)
    {
        if (context.Spec.KeyEncryptionKeySecretRef is not null)
            yield break;

        // Without this key the retained data could never be decrypted again, so when data is retained
        // the key is not owned by the Organization and survives its deletion (garbage collection ignores it).
        var metadata = ObjectMetadata.For(context, Component.KeyEncryptionKey, context.Names.KeyEncryptionKey, owned: !context.RetainData);
        // Switching to an own Secret later must not delete the key that wraps the existing data keys.
        metadata.Annotations = new Dictionary<string, string> { [NeverPruneAnnotation] = NeverPruneValue };
        yield return GeneratedSecrets.Secret(metadata, new Dictionary<string, byte[]>
        {
            [Key] = GeneratedSecrets.Keep(context.Inputs.ExistingKeyEncryptionKey, Key, GeneratedSecrets.Key256),
        });
    }
}
