namespace Safedrop.Api.Workflows.Keys;

/// <summary>
/// The workflow key of a PersonalWorkflow that copies packages: a P-256 key pair the API made for it. The public half is
/// offered to senders' clients as a trusted device key of <see cref="Owner"/> (id <see cref="DeviceKeyId"/>); the private
/// half (the 32-byte P-256 scalar) is kept only wrapped under the Organization's key-encryption key. Stored as
/// <c>workflows/key-pairs/{workflow}.json</c>.
/// </summary>
public sealed record WorkflowKey(
    string Workflow, string Owner, string DeviceKeyId, string PublicKey, string WrappedPrivateKey, DateTimeOffset CreatedAt)
{
    /// <summary>Device key ids of workflow keys start with this, so they never collide with registered devices' (32 hex).</summary>
    public const string DeviceKeyIdPrefix = "wf-";

    /// <summary>What the wrapped private key is bound to: unwrapping it under another workflow or id fails.</summary>
    public string WrapContext => WrapContextOf(Workflow, DeviceKeyId);

    public static string WrapContextOf(string workflow, string deviceKeyId) => $"workflow-key/{workflow}/{deviceKeyId}";

    /// <summary>The name shown in device key lists.</summary>
    public string DisplayName => $"Workflow \"{Workflow}\"";
}
