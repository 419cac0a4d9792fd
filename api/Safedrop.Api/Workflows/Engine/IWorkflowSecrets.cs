using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>Webhook signing keys from the Secrets workflows name: Kubernetes Secrets in a cluster, files in local mode.</summary>
public interface IWorkflowSecrets
{
    /// <summary>The key's bytes; null when the Secret or the key does not exist.</summary>
    Task<byte[]?> GetAsync(SecretKeyReference reference, CancellationToken cancellationToken);
}

public static class WorkflowSecretKeys
{
    /// <summary>The key inside the Secret when the workflow does not name one.</summary>
    public const string DefaultKey = "secret";

    public static string KeyOf(SecretKeyReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return string.IsNullOrEmpty(reference.Key) ? DefaultKey : reference.Key;
    }
}
