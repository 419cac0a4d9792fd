using System.Net;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>Cluster mode: reads the Secret in the tenant's namespace (the operator's Role grants the API get on secrets).</summary>
public sealed class KubernetesWorkflowSecrets(IKubernetes client, IOptions<ClusterModeOptions> options) : IWorkflowSecrets
{
    public async Task<byte[]?> GetAsync(SecretKeyReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        try
        {
            var secret = await client.CoreV1.ReadNamespacedSecretAsync(reference.Name, options.Value.Namespace!, cancellationToken: cancellationToken);
            return secret.Data?.TryGetValue(WorkflowSecretKeys.KeyOf(reference), out var value) == true ? value : null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
