using System.Text;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>
/// Local mode: the Secret <c>name</c>'s key <c>key</c> is the file <c>{tenant folder}/secrets/{name}/{key}</c>; a
/// trailing line break is dropped (editors and <c>echo</c> add one). The folder holds no manifests, so the compiler skips it.
/// </summary>
public sealed class LocalWorkflowSecrets(IOptions<LocalModeOptions> options) : IWorkflowSecrets
{
    public async Task<byte[]?> GetAsync(SecretKeyReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (options.Value.Folder is not { } folder) return null;
        var key = WorkflowSecretKeys.KeyOf(reference);
        if (!IsPlainName(reference.Name) || !IsPlainName(key)) return null;
        var path = Path.Combine(folder, "secrets", reference.Name, key);
        if (!File.Exists(path)) return null;
        var text = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken);
        return Encoding.UTF8.GetBytes(text.TrimEnd('\r', '\n'));
    }

    /// <summary>Names from a manifest must not walk out of the secrets folder.</summary>
    private static bool IsPlainName(string name) =>
        name.Length > 0 && name is not ("." or "..") && name.IndexOfAny(['/', '\\']) < 0 && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0;
}
