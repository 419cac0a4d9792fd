using Microsoft.Extensions.Options;
using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Encryption;
using Safedrop.Api.Http;
using Safedrop.Api.Metrics;
using Safedrop.Api.Workflows.Keys;
using Safedrop.Crypto;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Packages;

/// <summary>Starts a package: a registered user's direct send, or anyone's (PIN-proven) upload through a Dropzone.</summary>
public sealed class PackageCreation(
    TenantConfigStore tenant,
    PackageStore packages,
    IKeyWrapper keys,
    IAuditLog audit,
    ApiMetrics metrics,
    WorkflowWrapTargets wrapTargets,
    IOptions<PackageOptions> options,
    TimeProvider time)
{
    public async Task<Outcome<CreatedPackage>> SendAsync(CreatePackageRequest request, PackageActor sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sender);
        if (tenant.Current.Config is not { Organization: not null } config) return PackageProblems.NotServing;
        if (!config.IsRegistered(sender.Address))
            return new ApiProblem(403, ProblemTypes.SenderNotRegistered, "Only registered users send packages",
                $"{sender.Address} is not an address of {config.Organization.DisplayName ?? config.Organization.Name}; external people upload through a Dropzone.");
        if (ParseRecipients(request.Recipients, out var recipients) is { } recipientProblem) return recipientProblem;
        return await CreateAsync(config, request, sender, recipients, dropzone: null, PackageLimits.Of(options.Value), options.Value.RetentionDays, cancellationToken);
    }

    public async Task<Outcome<CreatedPackage>> UploadAsync(string dropzoneName, CreatePackageRequest request, PackageActor sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenant.Current.Config is not { Organization: not null } config) return PackageProblems.NotServing;
        if (!config.Dropzones.TryGetValue(dropzoneName, out var dropzone)) return PackageProblems.DropzoneNotFound(dropzoneName);
        return await CreateAsync(config, request, sender, [], dropzone, PackageLimits.Of(dropzone), dropzone.RetentionDays, cancellationToken);
    }

    private async Task<Outcome<CreatedPackage>> CreateAsync(
        TenantConfig config, CreatePackageRequest request, PackageActor sender, IReadOnlyList<string> recipients, CompiledDropzone? dropzone,
        PackageLimits limits, int retentionDays, CancellationToken cancellationToken)
    {
        if (limits.Check(request) is { } limitProblem) return limitProblem;
        if (!TryDecodeKey(request.Verifier, out var verifier))
            return new ApiProblem(400, ProblemTypes.InvalidPackage, "The package is not accepted", "verifier must be 32 bytes in base64url.");

        var id = PackageIds.New();
        var serverSecret = PackageKeys.GenerateServerSecret();
        var now = time.GetUtcNow();
        var files = request.Files.Select((f, index) => new PackageFile(
            "f" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            f.Name, f.Size, string.IsNullOrWhiteSpace(f.ContentType) ? "application/octet-stream" : f.ContentType, EncryptionFormat.PartCount(f.Size))).ToList();
        var package = new PackageRecord
        {
            Id = id,
            Sender = sender.Address.Value,
            Recipients = recipients,
            Dropzone = dropzone?.Name,
            Files = files,
            VerifierHash = Base64Url.Encode(KeycodeVerifier.Hash(verifier)),
            WrappedServerSecret = keys.Wrap(serverSecret, ServerSecretContext(id)),
            State = PackageState.Pending,
            CreatedAt = now,
            ExpiresAt = now.AddDays(retentionDays),
        };

        await packages.SaveAsync(package, cancellationToken);
        await packages.MarkAsync(PackageIndex.Pending, PackageStore.HourKey(now), id, cancellationToken);
        var details = new Dictionary<string, string> { ["files"] = files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["bytes"] = package.TotalSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (dropzone is not null) details["dropzone"] = dropzone.Name;
        metrics.Package("created", dropzone is not null);
        await audit.RecordAsync(sender.Event("package.create", id, AuditOutcome.Succeeded, details: details), cancellationToken);

        return new CreatedPackage(id, Base64Url.Encode(serverSecret), EncryptionFormat.PartSize,
            [.. files.Select(f => new CreatedFile(f.FileId, f.Name, f.Size, f.PartCount))], package.ExpiresAt,
            await wrapTargets.ForPackageAsync(package, config, cancellationToken));
    }

    public static string ServerSecretContext(string packageId) => "package/" + packageId + "/server-secret";

    private ApiProblem? ParseRecipients(IReadOnlyList<string>? raw, out IReadOnlyList<string> recipients)
    {
        recipients = [];
        if (raw is not { Count: > 0 })
            return new ApiProblem(400, ProblemTypes.InvalidPackage, "The package is not accepted", "A package sent directly needs at least one recipient.");
        if (raw.Count > options.Value.MaxRecipients)
            return new ApiProblem(400, ProblemTypes.InvalidPackage, "The package is not accepted", $"{raw.Count} recipients; at most {options.Value.MaxRecipients} are accepted.");
        var invalid = raw.Where(r => !EmailAddress.TryParse(r, out _)).ToList();
        if (invalid.Count > 0)
            return new ApiProblem(400, ProblemTypes.InvalidPackage, "The package is not accepted", "Not e-mail addresses: " + string.Join(", ", invalid) + ".");
        recipients = [.. raw.Select(r => EmailAddress.Parse(r).Value).Distinct(StringComparer.Ordinal)];
        return null;
    }

    internal static bool TryDecodeKey(string? encoded, out byte[] key)
    {
        key = [];
        return encoded is { Length: <= 64 } && Base64Url.TryDecode(encoded, out key) && key.Length == EncryptionFormat.KeySize;
    }
}
