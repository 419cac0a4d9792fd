using System.Globalization;
using Microsoft.Extensions.Options;
using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Api.Metrics;
using Safedrop.Api.Storage;
using Safedrop.Api.Transfer;
using Safedrop.Api.Workflows.Events;
using Safedrop.Crypto;

namespace Safedrop.Api.Packages;

/// <summary>The sender's side of a transfer: signed URLs per part, then completion, which checks every part and makes the package visible.</summary>
public sealed class PackageUploads(
    TenantConfigStore tenant,
    PackageStore packages,
    ITransferUrls transfer,
    PackageNotifier notifier,
    IWorkflowEvents workflowEvents,
    WorkflowEventFactory workflowEventFactory,
    IAuditLog audit,
    ApiMetrics metrics,
    IOptions<PackageOptions> options,
    TimeProvider time)
{
    private const int MaxPartsPerRequest = 1000;

    public async Task<Outcome<TransferUrls>> UploadUrlsAsync(string packageId, UploadUrlsRequest request, PackageActor sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = await SendersPendingPackageAsync(packageId, sender, "package.upload-urls", cancellationToken);
        if (pending.Value is not { } package) return pending.Problem!;
        if (package.File(request.FileId) is not { } file)
            return new ApiProblem(400, ProblemTypes.InvalidPackage, "Unknown file", $"Package {packageId} has no file {request.FileId}.");
        var parts = request.Parts ?? [];
        if (parts.Count is 0 or > MaxPartsPerRequest || parts.Any(p => p < 0 || p >= file.PartCount))
            return new ApiProblem(400, ProblemTypes.InvalidPackage, "Invalid parts",
                $"Ask for 1 to {MaxPartsPerRequest} parts, each from 0 to {file.PartCount - 1}.");

        var lifetime = options.Value.TransferUrlLifetime;
        var expiresAt = time.GetUtcNow() + lifetime;
        var urls = new List<PartUrl>(parts.Count);
        foreach (var part in parts.Distinct())
        {
            var url = await transfer.UrlForAsync(PackageStore.PartKey(packageId, file.FileId, part), TransferDirection.Upload,
                EncryptionFormat.SealedPartLength(file.Size, part), lifetime, cancellationToken);
            urls.Add(new PartUrl(part, "PUT", url, expiresAt));
        }
        return new TransferUrls(urls);
    }

    public async Task<Outcome<PackageSummary>> CompleteAsync(string packageId, CompletePackageRequest request, PackageActor sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = await SendersPendingPackageAsync(packageId, sender, "package.complete", cancellationToken);
        if (pending.Value is not { } package) return pending.Problem!;
        if (tenant.Current.Config is not { Organization: not null } config) return PackageProblems.NotServing;

        if (await FindFaultyPartsAsync(package, cancellationToken) is { Count: > 0 } faults)
        {
            return new ApiProblem(409, ProblemTypes.UploadIncomplete, "Upload incomplete",
                $"{faults.Count} part(s) are missing or have the wrong size; upload them again and complete once more.")
            {
                Extensions = new Dictionary<string, object?> { ["parts"] = faults.Take(100).ToList() },
            };
        }

        if (request.Message is { Length: > PackageLimits.MaxSealedMessageLength })
            return new ApiProblem(400, ProblemTypes.InvalidPackage, "The message is too long", "Keep the message under 64 KiB.");
        var readers = PackageReaders.Of(package, config);
        // The sender may wrap for its own keys too: its workflow keys (PackageSent, TransferCompleted).
        if (WrappedKeycodesProblem(request.WrappedKeycodes, [.. readers, package.Sender]) is { } wrapProblem) return wrapProblem;
        var completed = package with
        {
            State = PackageState.Complete,
            CompletedAt = time.GetUtcNow(),
            Addressees = [.. readers],
            SealedMessage = request.Message,
            WrappedKeycodes = [.. (request.WrappedKeycodes ?? []).Select(w => new WrappedKeycode(
                Resources.Identity.EmailAddress.Parse(w.Recipient).Value, w.DeviceKeyId, w.Wrapped))],
        };
        await packages.SaveAsync(completed, cancellationToken);
        await IndexAsync(completed, readers, cancellationToken);
        metrics.Package("completed", completed.Dropzone is not null);
        await audit.RecordAsync(sender.Event("package.complete", packageId, AuditOutcome.Succeeded,
            details: new Dictionary<string, string> { ["recipients"] = readers.Count.ToString(CultureInfo.InvariantCulture) }), cancellationToken);
        await notifier.NotifyAsync(completed, readers, config, cancellationToken);
        await workflowEvents.EmitAsync(workflowEventFactory.PackageCompleted(completed, config), cancellationToken);
        return PackageSummary.From(completed);
    }

    private async Task<Outcome<PackageRecord>> SendersPendingPackageAsync(string packageId, PackageActor sender, string action, CancellationToken cancellationToken)
    {
        if (await packages.GetAsync(packageId, cancellationToken) is not { } package) return PackageProblems.NotFound(packageId);
        if (package.Sender != sender.Address.Value)
        {
            await audit.RecordAsync(sender.Event(action, packageId, AuditOutcome.Denied, "NotSender"), cancellationToken);
            return PackageProblems.NotSender(packageId);
        }
        return package.State == PackageState.Pending ? package : PackageProblems.NotPending(packageId);
    }

    private async Task<List<object>> FindFaultyPartsAsync(PackageRecord package, CancellationToken cancellationToken)
    {
        var stored = await packages.PartSizesAsync(package.Id, cancellationToken);
        var faults = new List<object>();
        foreach (var file in package.Files)
        {
            for (long part = 0; part < file.PartCount; part++)
            {
                var expected = EncryptionFormat.SealedPartLength(file.Size, part);
                var size = stored.TryGetValue(PackageStore.PartKey(package.Id, file.FileId, part), out var s) ? s : (long?)null;
                if (size == expected) continue;
                faults.Add(new { fileId = file.FileId, part, expectedBytes = expected, storedBytes = size });
            }
        }
        return faults;
    }

    private static ApiProblem? WrappedKeycodesProblem(IReadOnlyList<NewWrappedKeycode>? wrapped, IReadOnlyCollection<string> holders)
    {
        foreach (var w in wrapped ?? [])
        {
            if (!Resources.Identity.EmailAddress.TryParse(w.Recipient, out var recipient) || !holders.Contains(recipient.Value))
                return new ApiProblem(400, ProblemTypes.InvalidPackage, "Invalid wrapped keycode", $"{w.Recipient} is neither a recipient nor the sender of this package.");
            if (string.IsNullOrWhiteSpace(w.DeviceKeyId) || w.DeviceKeyId.Length > 64 || string.IsNullOrEmpty(w.Wrapped) || w.Wrapped.Length > 512)
                return new ApiProblem(400, ProblemTypes.InvalidPackage, "Invalid wrapped keycode", "Each wrapped keycode needs a device key id and the wrapped value.");
        }
        return null;
    }

    private async Task IndexAsync(PackageRecord package, IReadOnlyCollection<string> readers, CancellationToken cancellationToken)
    {
        await packages.MarkAsync(PackageIndex.Sent, PackageStore.AddressKey(package.Sender), package.Id, cancellationToken);
        foreach (var reader in readers)
            await packages.MarkAsync(PackageIndex.Received, PackageStore.AddressKey(reader), package.Id, cancellationToken);
        if (package.Dropzone is { } dropzone) await packages.MarkAsync(PackageIndex.Dropzone, dropzone, package.Id, cancellationToken);
        await packages.MarkAsync(PackageIndex.Expiry, PackageStore.HourKey(package.ExpiresAt), package.Id, cancellationToken);
        await packages.UnmarkAsync(PackageIndex.Pending, PackageStore.HourKey(package.CreatedAt), package.Id, cancellationToken);
    }
}
