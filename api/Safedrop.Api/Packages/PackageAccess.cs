using Microsoft.Extensions.Options;
using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Encryption;
using Safedrop.Api.Http;
using Safedrop.Api.Metrics;
using Safedrop.Api.Storage;
using Safedrop.Api.Transfer;
using Safedrop.Crypto;

namespace Safedrop.Api.Packages;

/// <summary>
/// Opening a package: the access decision of SPEC §1 for the PIN-proven address, then proof of link
/// possession (keycode verifier, or a keycode wrapped for one of the caller's device keys), and only
/// then the server secret and download URLs. Every decision is audited, allowed or denied.
/// </summary>
public sealed class PackageAccess(
    TenantConfigStore tenant,
    PackageStore packages,
    IKeyWrapper keys,
    ITransferUrls transfer,
    IAuditLog audit,
    ApiMetrics metrics,
    IOptions<PackageOptions> options,
    TimeProvider time)
{
    public const string OpenAction = "package.open";

    public async Task<Outcome<OpenedPackage>> OpenAsync(string packageId, OpenPackageRequest request, PackageActor reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reader);
        if (tenant.Current.Config is not { Organization: not null } config) return PackageProblems.NotServing;
        if (await packages.GetAsync(packageId, cancellationToken) is not { State: PackageState.Complete } package || package.ExpiresAt <= time.GetUtcNow())
            return PackageProblems.NotFound(packageId);

        var decision = AccessPolicy.Decide(package, reader.Address, config);
        if (!decision.Allowed)
        {
            metrics.AccessDecision(allowed: false, nameof(AccessRule.None));
            await audit.RecordAsync(reader.Event(OpenAction, packageId, AuditOutcome.Denied, nameof(AccessRule.None), Reason(decision.Reason)), cancellationToken);
            return new ApiProblem(403, ProblemTypes.AccessDenied, "Access denied", $"{reader.Address} may not open this package: {decision.Reason}.");
        }

        var proof = ProveLinkPossession(package, request, reader);
        if (proof.Problem is { } proofProblem)
        {
            metrics.AccessDecision(allowed: false, "KeycodeProof");
            await audit.RecordAsync(reader.Event(OpenAction, packageId, AuditOutcome.Denied, decision.Rule.ToString(), Reason(proofProblem.Detail)), cancellationToken);
            return proofProblem;
        }

        metrics.AccessDecision(allowed: true, decision.Rule.ToString());
        await audit.RecordAsync(reader.Event(OpenAction, packageId, AuditOutcome.Allowed, decision.Rule.ToString(), Reason(decision.Reason)), cancellationToken);
        var serverSecret = keys.Unwrap(package.WrappedServerSecret, PackageCreation.ServerSecretContext(package.Id));
        return new OpenedPackage(package.Id, package.Sender, package.Dropzone, package.SealedMessage, package.CreatedAt, package.ExpiresAt,
            Base64Url.Encode(serverSecret), proof.Value?.Wrapped, EncryptionFormat.PartSize,
            await DownloadUrlsAsync(package, cancellationToken));
    }

    private static Outcome<WrappedKeycode?> ProveLinkPossession(PackageRecord package, OpenPackageRequest request, PackageActor reader)
    {
        if (request.Verifier is { } presented)
        {
            var matches = PackageCreation.TryDecodeKey(presented, out var verifier)
                && KeycodeVerifier.Matches(Base64Url.Decode(package.VerifierHash), verifier);
            return matches
                ? new Outcome<WrappedKeycode?>(null, null)
                : new ApiProblem(403, ProblemTypes.KeycodeProofFailed, "Secure link required",
                    "The keycode proof does not match this package: open it with the complete secure link (the part after #k= included).");
        }
        if (request.DeviceKeyId is { } deviceKeyId)
        {
            var wrapped = package.WrappedKeycodes.FirstOrDefault(w => w.Recipient == reader.Address.Value && w.DeviceKeyId == deviceKeyId);
            return wrapped is not null
                ? wrapped
                : new ApiProblem(403, ProblemTypes.KeycodeProofFailed, "Secure link required",
                    "The package's keycode was not wrapped for this device key: open it with the secure link.");
        }
        return new ApiProblem(400, ProblemTypes.InvalidPackage, "Proof of the link missing", "Send the keycode verifier or the id of your device key.");
    }

    private async Task<IReadOnlyList<OpenedFile>> DownloadUrlsAsync(PackageRecord package, CancellationToken cancellationToken)
    {
        var lifetime = options.Value.TransferUrlLifetime;
        var expiresAt = time.GetUtcNow() + lifetime;
        var files = new List<OpenedFile>(package.Files.Count);
        foreach (var file in package.Files)
        {
            var parts = new List<PartUrl>((int)file.PartCount);
            for (long part = 0; part < file.PartCount; part++)
            {
                var url = await transfer.UrlForAsync(PackageStore.PartKey(package.Id, file.FileId, part), TransferDirection.Download, null, lifetime, cancellationToken);
                parts.Add(new PartUrl(part, "GET", url, expiresAt));
            }
            files.Add(new OpenedFile(file.FileId, file.Name, file.Size, file.ContentType, file.PartCount, parts));
        }
        return files;
    }

    private static Dictionary<string, string> Reason(string reason) => new() { ["reason"] = reason };
}
