using Safedrop.Api.Audit;
using Safedrop.Api.Packages;
using Safedrop.Api.Storage;
using Safedrop.Api.Workflows.Keys;

namespace Safedrop.Api.Encryption;

/// <summary>
/// Moves every wrapped key onto the current key-encryption key: package server secrets and the data
/// keys of server-readable objects and the private halves of workflow keys. Only the small key records are rewritten; no file is re-encrypted.
/// Idempotent, so replicas may run it at once and an interrupted run is finished by the next one.
/// Pending uploads are left for a later run: their record may still change when they complete.
/// </summary>
public sealed partial class KeyRotation(
    IObjectStore store,
    PackageStore packages,
    SealedObjects sealedObjects,
    WorkflowKeyStore workflowKeys,
    IKeyWrapper keys,
    KeyEncryptionKeys keyEncryptionKeys,
    IAuditLog audit,
    ILogger<KeyRotation> logger)
{
    public async Task<KeyRotationResult> RewrapAllAsync(string actor, CancellationToken cancellationToken)
    {
        var (rewrapped, current, pending) = (0, 0, 0);
        var recordKeys = new List<string>();
        await foreach (var entry in store.ListAsync("packages/", cancellationToken))
            if (entry.Key.EndsWith("/package.json", StringComparison.Ordinal)) recordKeys.Add(entry.Key);

        foreach (var recordKey in recordKeys)
        {
            var packageId = recordKey["packages/".Length..^"/package.json".Length];
            if (await packages.GetAsync(packageId, cancellationToken) is not { } package) continue;
            if (keys.IsCurrent(package.WrappedServerSecret)) { current++; continue; }
            if (package.State == PackageState.Pending) { pending++; continue; }
            var context = PackageCreation.ServerSecretContext(package.Id);
            await packages.SaveAsync(package with { WrappedServerSecret = keys.Rewrap(package.WrappedServerSecret, context) }, cancellationToken);
            rewrapped++;
        }

        await foreach (var workflowKey in workflowKeys.ListAsync(cancellationToken))
        {
            if (keys.IsCurrent(workflowKey.WrappedPrivateKey)) { current++; continue; }
            await workflowKeys.SaveAsync(workflowKey with { WrappedPrivateKey = keys.Rewrap(workflowKey.WrappedPrivateKey, workflowKey.WrapContext) }, cancellationToken);
            rewrapped++;
        }

        var (objectsRewrapped, objectsCurrent) = await sealedObjects.RewrapAllAsync(cancellationToken);
        var result = new KeyRotationResult(keyEncryptionKeys.Current.KeyId, rewrapped + objectsRewrapped, current + objectsCurrent, pending);
        LogRotated(result.CurrentKeyId, result.Rewrapped, result.AlreadyCurrent, result.PendingSkipped);
        await audit.RecordAsync(new AuditEvent("keys.rewrap", actor, "key-encryption-key/" + result.CurrentKeyId, AuditOutcome.Succeeded,
            Details: new Dictionary<string, string>
            {
                ["rewrapped"] = result.Rewrapped.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["pendingSkipped"] = result.PendingSkipped.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }), cancellationToken);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rewrapped keys under key-encryption key {KeyId}: {Rewrapped} rewrapped, {Current} already current, {Pending} pending uploads left for later")]
    private partial void LogRotated(string keyId, int rewrapped, int current, int pending);
}

/// <param name="PendingSkipped">Keys of uploads still in progress, rewrapped by a later run (or removed with the abandoned upload).</param>
public sealed record KeyRotationResult(string CurrentKeyId, int Rewrapped, int AlreadyCurrent, int PendingSkipped);
