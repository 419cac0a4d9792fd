using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Api.Storage;
using Safedrop.Api.Workflows.Events;

namespace Safedrop.Api.Packages;

/// <summary>
/// Readers' clients report the files they downloaded completely (every part fetched and decrypted). The server cannot
/// see downloads through signed storage URLs, so this report is the rule: a transfer is completed once every file of
/// the package was reported by some reader admitted by the access policy; then the sender's TransferCompleted event
/// is emitted (its id is derived from the package, so a repeated report cannot run a workflow twice).
/// </summary>
public sealed class PackageDownloads(
    TenantConfigStore tenant, PackageStore packages, IObjectStore store, IAuditLog audit,
    IWorkflowEvents workflowEvents, WorkflowEventFactory workflowEventFactory, TimeProvider time)
{
    public const string DownloadedAction = "package.downloaded";

    public async Task<Outcome<DownloadReport>> ReportAsync(string packageId, DownloadedRequest request, PackageActor reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reader);
        if (tenant.Current.Config is not { Organization: not null } config) return PackageProblems.NotServing;
        if (await packages.GetAsync(packageId, cancellationToken) is not { State: PackageState.Complete } package || package.ExpiresAt <= time.GetUtcNow())
            return PackageProblems.NotFound(packageId);
        var decision = AccessPolicy.Decide(package, reader.Address, config);
        if (!decision.Allowed)
        {
            await audit.RecordAsync(reader.Event(DownloadedAction, packageId, AuditOutcome.Denied, nameof(AccessRule.None)), cancellationToken);
            return new ApiProblem(403, ProblemTypes.AccessDenied, "Access denied", $"{reader.Address} may not open this package: {decision.Reason}.");
        }
        var fileIds = request.FileIds ?? [];
        if (fileIds.Count == 0 || fileIds.Any(id => package.File(id) is null))
            return new ApiProblem(400, ProblemTypes.InvalidPackage, "Unknown file", "Report one or more file ids of this package.");

        foreach (var fileId in fileIds.Distinct(StringComparer.Ordinal))
        {
            using var empty = new MemoryStream();
            await store.PutAsync(MarkerKey(packageId, fileId), empty, 0, cancellationToken);
        }
        var reported = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var marker in store.ListAsync(MarkersPrefix(packageId), cancellationToken))
            reported.Add(marker.Key[MarkersPrefix(packageId).Length..]);
        var completed = package.Files.All(f => reported.Contains(f.FileId));

        await audit.RecordAsync(reader.Event(DownloadedAction, packageId, AuditOutcome.Succeeded, decision.Rule.ToString(),
            new Dictionary<string, string> { ["files"] = string.Join(",", fileIds), ["transferCompleted"] = completed ? "true" : "false" }), cancellationToken);
        if (completed)
            await workflowEvents.EmitAsync(workflowEventFactory.TransferCompleted(package, config), CancellationToken.None);
        return new DownloadReport(completed);
    }

    public static string MarkersPrefix(string packageId) => $"packages/{packageId}/downloads/";

    private static string MarkerKey(string packageId, string fileId) => MarkersPrefix(packageId) + fileId;
}

/// <summary>The files of the package that this reader downloaded completely.</summary>
public sealed record DownloadedRequest(IReadOnlyList<string>? FileIds);

/// <param name="TransferCompleted">True once every file of the package was reported downloaded by some reader.</param>
public sealed record DownloadReport(bool TransferCompleted);
