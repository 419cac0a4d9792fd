using Safedrop.Api.Packages;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Keys;

/// <summary>
/// Which workflow keys a new package's keycode must be wrapped for: those of the copying workflows that the package's
/// events can start — its readers' (PackageReceived, DropzoneUploadReceived) and its sender's (PackageSent,
/// TransferCompleted). No other workflow gets to read it.
/// </summary>
public sealed class WorkflowWrapTargets(WorkflowKeys keys)
{
    private static readonly WorkflowTrigger[] ReaderTriggers = [WorkflowTrigger.PackageReceived, WorkflowTrigger.DropzoneUploadReceived];
    private static readonly WorkflowTrigger[] SenderTriggers = [WorkflowTrigger.PackageSent, WorkflowTrigger.TransferCompleted];

    /// <summary>The workflow keys of recipients' copying workflows, for clients that look keys up by address.</summary>
    public async Task<IReadOnlyList<WorkflowKey>> ForRecipientsAsync(TenantConfig config, IReadOnlyCollection<string> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        return [.. (await keys.OfOwnersAsync(config, recipients, cancellationToken)).Where(k => ReaderTriggers.Contains(config.Workflows[k.Workflow].Trigger))];
    }

    public async Task<IReadOnlyList<WrapTarget>> ForPackageAsync(PackageRecord package, TenantConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(config);
        var readers = PackageReaders.Of(package, config);
        var owners = new HashSet<string>(readers, StringComparer.Ordinal) { package.Sender };
        var targets = new List<WrapTarget>();
        foreach (var key in await keys.OfOwnersAsync(config, owners, cancellationToken))
        {
            var trigger = config.Workflows[key.Workflow].Trigger;
            var forReader = readers.Contains(key.Owner) && ReaderTriggers.Contains(trigger);
            var forSender = key.Owner == package.Sender && SenderTriggers.Contains(trigger);
            if (forReader || forSender) targets.Add(new WrapTarget(key.Owner, key.DeviceKeyId, key.PublicKey, key.DisplayName));
        }
        return targets;
    }
}
