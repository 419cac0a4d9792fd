using Safedrop.Api.Packages;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Events;

/// <summary>The events each feature emits, one per owner: who owns the item decides whose workflows may see it.</summary>
public sealed class WorkflowEventFactory(TimeProvider time)
{
    /// <summary>
    /// A completed package: PackageReceived for each addressee (recipients, or a Dropzone's owner and members),
    /// DropzoneUploadReceived for the Dropzone's owner and each member, PackageSent for a registered sender.
    /// </summary>
    public IReadOnlyList<WorkflowEvent> PackageCompleted(PackageRecord package, TenantConfig config)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(config);
        var events = new List<WorkflowEvent>();
        foreach (var addressee in package.Addressees.Distinct(StringComparer.Ordinal))
            events.Add(ForPackage(WorkflowTrigger.PackageReceived, addressee, package));
        if (package.Dropzone is { } dropzone && config.Dropzones.TryGetValue(dropzone, out var compiled))
        {
            foreach (var owner in new[] { compiled.Owner }.Concat(compiled.Members).Distinct(StringComparer.Ordinal))
                events.Add(ForPackage(WorkflowTrigger.DropzoneUploadReceived, owner, package));
        }
        if (EmailAddress.TryParse(package.Sender, out var sender) && config.IsRegistered(sender))
            events.Add(ForPackage(WorkflowTrigger.PackageSent, sender.Value, package));
        return events;
    }

    /// <summary>TransferCompleted for a registered sender once readers reported every file downloaded.</summary>
    public IReadOnlyList<WorkflowEvent> TransferCompleted(PackageRecord package, TenantConfig config)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(config);
        return EmailAddress.TryParse(package.Sender, out var sender) && config.IsRegistered(sender)
            // One id per package: a second "completed" report must not run the sender's workflows again.
            ? [ForPackage(WorkflowTrigger.TransferCompleted, sender.Value, package) with { Id = "transfer-completed-" + package.Id }]
            : [];
    }

    /// <summary>WorkspaceFileUploaded for the Workspace's owner.</summary>
    public IReadOnlyList<WorkflowEvent> WorkspaceFileUploaded(CompiledWorkspace workspace, string path, string uploadedBy)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(path);
        return
        [
            new WorkflowEvent(NewId(), WorkflowTrigger.WorkspaceFileUploaded, time.GetUtcNow(), workspace.Owner)
            {
                Workspace = workspace.Name,
                Sender = uploadedBy,
                Path = path,
                FileNames = [path[(path.LastIndexOf('/') + 1)..]],
            },
        ];
    }

    private WorkflowEvent ForPackage(WorkflowTrigger type, string owner, PackageRecord package) =>
        new(NewId(), type, time.GetUtcNow(), owner)
        {
            PackageId = package.Id,
            Dropzone = package.Dropzone,
            Sender = package.Sender,
            FileNames = [.. package.Files.Select(f => f.Name)],
        };

    private string NewId() => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
}
