using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// Using a web link without an account: what it grants, downloading within its folder and, for
/// DownloadAndUpload, uploading there. The token's secret is checked in constant time; revoked (403), expired
/// (410) and links of a Workspace whose external sharing is now off (403) are refused. Every use and refusal is
/// audited as <c>workspace.link.use</c> by <c>anonymous</c> with the client's address (<see cref="WebLinkActor"/>);
/// downloads and uploads are audited by the Workspace file services themselves, as for collaborators.
/// </summary>
public sealed class WebLinkAccess(TenantConfigStore tenant, WebLinkStore links, IWebLinkFiles files, IAuditLog audit, TimeProvider time)
{
    public async Task<Outcome<WebLinkGrant>> DescribeAsync(string token, string? client, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(token, "view", "", client, cancellationToken);
        if (resolved.Problem is { } refused) return refused;
        var (actor, _, scope) = resolved.Value;
        var target = await files.FindAsync(actor.Link.Workspace, scope, cancellationToken);
        if (target.Problem is { } missing) return await RefuseAsync(actor, "view", "", "target-missing", missing, cancellationToken);
        IReadOnlyList<WebLinkEntry>? entries = null;
        if (target.Value!.Kind == "folder")
        {
            var listing = await files.ListAsync(actor.Link.Workspace, scope, cancellationToken);
            entries = listing.Value?.Select(e => e with { Path = Relative(e.Path, scope) }).ToList();
        }
        await audit.RecordAsync(actor.Use("view", "", AuditOutcome.Allowed, null), cancellationToken);
        return new WebLinkGrant(actor.Link.Workspace, resolved.Value.Workspace.DisplayName, actor.Link.Path, actor.Link.Permission, actor.Link.ExpiresAt, entries);
    }

    public async Task<Outcome<FileDownload>> DownloadAsync(string token, string? relative, string? client, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(token, "download", relative, client, cancellationToken);
        if (resolved.Problem is { } refused) return refused;
        var (actor, _, scope) = resolved.Value;
        var target = await TargetAsync(actor, scope, relative, "download", cancellationToken);
        if (target.Problem is { } bad) return bad;
        return await files.DownloadAsync(actor.Link.Workspace, target.Value!, actor, cancellationToken);
    }

    public async Task<Outcome<WebLinkEntry>> UploadAsync(string token, string? relative, Stream body, long? length, string? client, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(token, "upload", relative, client, cancellationToken);
        if (resolved.Problem is { } refused) return refused;
        var (actor, workspace, scope) = resolved.Value;
        if (actor.Link.Permission != WebLinkPermission.DownloadAndUpload)
            return await RefuseAsync(actor, "upload", relative ?? "", "view-only",
                SharingProblems.LinkNotAllowed("This web link is ViewAndDownload: it lets you view and download, not upload."), cancellationToken);
        var target = await TargetAsync(actor, scope, relative, "upload", cancellationToken);
        if (target.Problem is { } bad) return bad;
        var uploaded = await files.UploadAsync(workspace, target.Value!, body, length, actor, cancellationToken);
        return uploaded.Problem is null ? uploaded.Value! with { Path = Relative(uploaded.Value!.Path, scope) } : uploaded;
    }

    /// <summary>
    /// The Workspace path a request reaches: inside a folder link, the relative path below its folder; for a file
    /// link, only the file itself (by its name, or no path at all).
    /// </summary>
    private async Task<Outcome<WorkspacePath>> TargetAsync(WebLinkActor actor, WorkspacePath scope, string? relative, string operation, CancellationToken cancellationToken)
    {
        if (WorkspacePath.Parse(relative, out var reason) is not { } path)
            return await RefuseAsync(actor, operation, relative ?? "", "invalid-path", WorkspaceProblems.PathInvalid(relative, reason!), cancellationToken);
        var found = await files.FindAsync(actor.Link.Workspace, scope, cancellationToken);
        if (found.Problem is { } missing) return await RefuseAsync(actor, operation, path.Value, "target-missing", missing, cancellationToken);
        if (found.Value!.Kind == "file")
        {
            return path.IsRoot || path.Equals(WorkspacePath.Root.Child(scope.Name))
                ? scope
                : await RefuseAsync(actor, operation, path.Value, "outside-scope",
                    SharingProblems.LinkNotAllowed($"This web link is for the file '{scope.Name}' only."), cancellationToken);
        }

        if (path.IsRoot)
            return await RefuseAsync(actor, operation, path.Value, "no-file",
                SharingProblems.LinkInvalid("Name the file, relative to the link's folder, after /files/."), cancellationToken);
        // '..' is no path segment, so whatever Append returns lies within the link's folder.
        return scope.Append(path, out reason) is { } full
            ? full
            : await RefuseAsync(actor, operation, path.Value, "invalid-path", WorkspaceProblems.PathInvalid(relative, reason!), cancellationToken);
    }

    private async Task<Outcome<(WebLinkActor Actor, CompiledWorkspace Workspace, WorkspacePath Scope)>> ResolveAsync(
        string token, string operation, string? path, string? client, CancellationToken cancellationToken)
    {
        var link = WebLinkTokens.TryParse(token, out var id, out var secret) ? await links.GetAsync(id, cancellationToken) : null;
        if (link is null || !WebLinkTokens.Matches(link, secret))
        {
            // Neither the id nor a secret ever reaches the audit log: a wrong token is not a link.
            await audit.RecordAsync(new AuditEvent(SharingRules.LinkUse, WebLinkActor.Anonymous, "weblinks", AuditOutcome.Denied, "unknown-link",
                new Dictionary<string, string> { ["operation"] = operation }) { ClientAddress = client }, cancellationToken);
            return SharingProblems.LinkNotFound;
        }

        var actor = new WebLinkActor(link, client);
        var now = time.GetUtcNow();
        if (link.RevokedAt is not null) return await RefuseAsync(actor, operation, path ?? "", "revoked", SharingProblems.LinkRevoked, cancellationToken);
        if (link.IsExpired(now)) return await RefuseAsync(actor, operation, path ?? "", "expired", SharingProblems.LinkExpired(link.ExpiresAt), cancellationToken);
        if (tenant.Current.Config is not { Organization: not null } config) return WorkspaceProblems.NotServing;
        if (!config.Workspaces.TryGetValue(link.Workspace, out var workspace))
            return await RefuseAsync(actor, operation, path ?? "", "workspace-gone", SharingProblems.LinkNotFound, cancellationToken);
        if (!workspace.ExternalSharing)
            return await RefuseAsync(actor, operation, path ?? "", "external-sharing-off",
                SharingProblems.ExternalSharingOff(link.Workspace, !config.Organization.Features.ExternalSharing, "Using a web link"), cancellationToken);
        var scope = WorkspacePath.Parse(link.Path, out _) ?? throw new InvalidDataException($"Web link {link.Id} holds the invalid path '{link.Path}'.");
        return (actor, workspace, scope);
    }

    private static string Relative(string path, WorkspacePath scope) =>
        (WorkspacePath.Parse(path, out _) ?? throw new InvalidDataException($"Stored path '{path}' is not valid.")).RelativeTo(scope);

    private async Task<ApiProblem> RefuseAsync(WebLinkActor actor, string operation, string path, string rule, ApiProblem problem, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(actor.Use(operation, path, AuditOutcome.Denied, rule, new Dictionary<string, string> { ["problem"] = problem.Type }), cancellationToken);
        return problem;
    }
}
