using k8s.Models;

namespace Safedrop.Operator.Platform;

/// <summary>Environment variables: literal settings, and secrets only ever by reference.</summary>
public static class EnvVars
{
    public static V1EnvVar Literal(string name, string value) => new() { Name = name, Value = value };

    /// <param name="optional">The pod starts without the variable when the key (or the Secret) is missing.</param>
    public static V1EnvVar FromSecret(string name, string secret, string key, bool optional = false) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key, Optional = optional ? true : null } },
    };
}
