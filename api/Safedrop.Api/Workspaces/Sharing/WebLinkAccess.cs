using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// Using a web link without an account: what it grants, downloading within its folder and, for
/// DownloadAndUpload, uploading there. The token's secret is checked in constant time; revoked (403), expired
/// (410) and links of a Workspace whose external sharing is now off (403) are refused. Every use and refusal is
/// audited as <c>workspace.link.use</c> by <c>anonymous</c> with the client's address.
/// </summary>
public sealed class WebLinkAccess(TenantConfigStore tenant, WebLinkStore links, IWebLinkFiles files, IAuditLog audit, TimeProvider time)
{
    public const string Anonymous = "anonymous";

    public async Task<Outcome<WebLinkGrant>> DescribeAsync(string token, string? client, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(token, "view", "", client, cancellationToken);
        if (resolved.Problem is { } refused) return refused;
        var (link, workspace) = resolved.Value;
        var target = await files.FindAsync(link.Workspace, link.Path, cancellationToken);
        if (target.Problem is { } missing) return await RefuseAsync(link, "view", "", client, "target-missing", missing, cancellationToken);
        IReadOnlyList<WebLinkEntry>? entries = null;
        if (target.Value!.Kind == "folder")
        {
            var listing = await files.ListAsync(link.Workspace, link.Path, cancellationToken);
            entries = listing.Value?.Select(e => e with { Path = LinkPaths.Relative(e.Path, link.Path) }).ToList();
        }
        await RecordUseAsync(link, "view", "", client, cancellationToken);
        return new WebLinkGrant(link.Workspace, workspace.DisplayName, link.Path, link.Permission, link.ExpiresAt, entries);
    }

    public async Task<Outcome<LinkDownload>> DownloadAsync(string token, string? relative, string? client, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(token, "download", relative, client, cancellationToken);
        if (resolved.Problem is { } refused) return refused;
        var link = resolved.Value.Link;
        var target = await TargetAsync(link, relative, "download", client, cancellationToken);
        if (target.Problem is { } bad) return bad;
        var download = await files.DownloadAsync(link.Workspace, target.Value!, cancellationToken);
        if (download.Problem is { } failed) return await RefuseAsync(link, "download", target.Value!, client, "file-not-found", failed, cancellationToken);
        await RecordUseAsync(link, "download", target.Value!, client, cancellationToken);
        return download;
    }

    public async Task<Outcome<WebLinkEntry>> UploadAsync(string token, string? relative, Stream body, long? length, string? client, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(token, "upload", relative, client, cancellationToken);
        if (resolved.Problem is { } refused) return refused;
        var link = resolved.Value.Link;
        if (link.Permission != WebLinkPermission.DownloadAndUpload)
            return await RefuseAsync(link, "upload", relative ?? "", client, "view-only",
                SharingProblems.LinkNotAllowed("This web link is ViewAndDownload: it lets you view and download, not upload."), cancellationToken);
        var target = await TargetAsync(link, relative, "upload", client, cancellationToken);
        if (target.Problem is { } bad) return bad;
        var uploaded = await files.UploadAsync(link.Workspace, target.Value!, body, length, "weblink:" + link.Id, cancellationToken);
        if (uploaded.Problem is { } failed) return await RefuseAsync(link, "upload", target.Value!, client, "upload-refused", failed, cancellationToken);
        await RecordUseAsync(link, "upload", target.Value!, client, cancellationToken);
        return uploaded.Value! with { Path = LinkPaths.Relative(uploaded.Value!.Path, link.Path) };
    }

    /// <summary>
    /// The Workspace path a request reaches: inside a folder link, the relative path below its folder; for a file
    /// link, only the file itself (by its name, or no path at all).
    /// </summary>
    private async Task<Outcome<string>> TargetAsync(WebLinkRecord link, string? relative, string operation, string? client, CancellationToken cancellationToken)
    {
        if (LinkPaths.Normalize(relative, out var problem) is not { } path)
            return await RefuseAsync(link, operation, relative ?? "", client, "invalid-path", SharingProblems.LinkInvalid($"The path is not valid: {problem}"), cancellationToken);
        var scope = await files.FindAsync(link.Workspace, link.Path, cancellationToken);
        if (scope.Problem is { } missing) return await RefuseAsync(link, operation, path, client, "target-missing", missing, cancellationToken);
        if (scope.Value!.Kind == "file")
        {
            var name = scope.Value.Name;
            return path.Length == 0 || string.Equals(path, name, StringComparison.OrdinalIgnoreCase)
                ? (Outcome<string>)link.Path
                : await RefuseAsync(link, operation, path, client, "outside-scope",
                    SharingProblems.LinkNotAllowed($"This web link is for the file '{name}' only."), cancellationToken);
        }

        if (path.Length == 0)
            return await RefuseAsync(link, operation, path, client, "no-file",
                SharingProblems.LinkInvalid("Name the file, relative to the link's folder, after /files/."), cancellationToken);
        var full = LinkPaths.Combine(link.Path, path);
        return LinkPaths.IsWithin(full, link.Path)
            ? (Outcome<string>)full
            : await RefuseAsync(link, operation, path, client, "outside-scope", SharingProblems.LinkNotAllowed("The path is outside the link's folder."), cancellationToken);
    }

    private async Task<Outcome<(WebLinkRecord Link, CompiledWorkspace Workspace)>> ResolveAsync(
        string token, string operation, string? path, string? client, CancellationToken cancellationToken)
    {
        var link = WebLinkTokens.TryParse(token, out var id, out var secret) ? await links.GetAsync(id, cancellationToken) : null;
        if (link is null || !WebLinkTokens.Matches(link, secret))
        {
            // Neither the id nor a secret ever reaches the audit log: a wrong token is not a link.
            await audit.RecordAsync(new AuditEvent(SharingRules.LinkUse, Anonymous, "weblinks", AuditOutcome.Denied, "unknown-link",
                new Dictionary<string, string> { ["operation"] = operation }) { ClientAddress = client }, cancellationToken);
            return SharingProblems.LinkNotFound;
        }

        var now = time.GetUtcNow();
        if (link.RevokedAt is not null) return await RefuseAsync(link, operation, path ?? "", client, "revoked", SharingProblems.LinkRevoked, cancellationToken);
        if (link.IsExpired(now)) return await RefuseAsync(link, operation, path ?? "", client, "expired", SharingProblems.LinkExpired(link.ExpiresAt), cancellationToken);
        if (tenant.Current.Config is not { Organization: not null } config) return SharingProblems.NotServing;
        if (!config.Workspaces.TryGetValue(link.Workspace, out var workspace))
            return await RefuseAsync(link, operation, path ?? "", client, "workspace-gone", SharingProblems.LinkNotFound, cancellationToken);
        if (!workspace.ExternalSharing)
            return await RefuseAsync(link, operation, path ?? "", client, "external-sharing-off",
                SharingProblems.ExternalSharingOff(link.Workspace, !config.Organization.Features.ExternalSharing, "Using a web link"), cancellationToken);
        return (link, workspace);
    }

    private Task RecordUseAsync(WebLinkRecord link, string operation, string path, string? client, CancellationToken cancellationToken) =>
        audit.RecordAsync(Event(link, operation, path, client, AuditOutcome.Allowed, link.Permission.ToString()), cancellationToken);

    private async Task<ApiProblem> RefuseAsync(WebLinkRecord link, string operation, string path, string? client, string rule, ApiProblem problem, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(Event(link, operation, path, client, AuditOutcome.Denied, rule, problem.Type), cancellationToken);
        return problem;
    }

    private static AuditEvent Event(WebLinkRecord link, string operation, string path, string? client, AuditOutcome outcome, string rule, string? problem = null)
    {
        var details = new Dictionary<string, string> { ["linkId"] = link.Id, ["operation"] = operation, ["path"] = path, ["permission"] = link.Permission.ToString() };
        if (problem is not null) details["problem"] = problem;
        return new AuditEvent(SharingRules.LinkUse, Anonymous, link.Resource, outcome, rule, details) { ClientAddress = client };
    }
}
