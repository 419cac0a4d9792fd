using System.Globalization;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Portal;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// Web links of a Workspace, managed by its owner and internal CoOwners (never by external collaborators): create
/// (the token is shown once and stored hashed), list (no secrets) and revoke. Refused while the Workspace's
/// external sharing is off. Every change and refusal is audited.
/// </summary>
public sealed class WebLinks(SharingAccess access, WebLinkStore links, IWebLinkFiles files, PublicUrls urls, IAuditLog audit, TimeProvider time)
{
    public async Task<Outcome<CreatedWebLink>> CreateAsync(string name, CreateWebLinkRequest request, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = await access.RequireSharerAsync(name, actor, SharingRules.LinkCreate, "Creating a web link", links: true, cancellationToken);
        if (allowed.Problem is { } refused) return refused;
        var context = allowed.Value!;
        if (!context.Workspace.ExternalSharing)
            return await RefuseAsync(name, actor, "external-sharing-off",
                SharingProblems.ExternalSharingOff(name, !context.Config.Organization!.Features.ExternalSharing, "Creating a web link"), cancellationToken);
        if (!Enum.TryParse<WebLinkPermission>(request.Permission, ignoreCase: true, out var permission) || !Enum.IsDefined(permission) || int.TryParse(request.Permission, out _))
            return await RefuseAsync(name, actor, "invalid-permission", SharingProblems.LinkInvalid("Send 'permission' as ViewAndDownload or DownloadAndUpload."), cancellationToken);
        if (WorkspacePath.Parse(request.Path, out var reason) is not { } path)
            return await RefuseAsync(name, actor, "invalid-path", WorkspaceProblems.PathInvalid(request.Path, reason!), cancellationToken);
        var days = request.ExpiresInDays ?? SharingRules.DefaultLinkDays;
        if (days is < 1 or > SharingRules.MaxLinkDays)
            return await RefuseAsync(name, actor, "invalid-expiry", SharingProblems.LinkInvalid($"'expiresInDays' is between 1 and {SharingRules.MaxLinkDays}."), cancellationToken);
        var target = await files.FindAsync(name, path, cancellationToken);
        if (target.Problem is { } missing) return await RefuseAsync(name, actor, "path-not-found", missing, cancellationToken);

        var (id, secret, token) = WebLinkTokens.New();
        var now = time.GetUtcNow();
        var link = new WebLinkRecord(id, name, target.Value!.Path, permission, WebLinkTokens.Hash(secret), actor.Address.Value, now, now.AddDays(days));
        await links.SaveAsync(link, cancellationToken);
        await audit.RecordAsync(actor.EventOn(SharingRules.LinkCreate, link.Resource, AuditOutcome.Succeeded, null, Details(link)), cancellationToken);
        // The portal's page for the link, which a browser can open; the API routes stay under /v1/links/{token}.
        return new CreatedWebLink(id, urls.For(PortalEndpoints.WebLinkPage + token).ToString(), token, permission, link.Path, link.ExpiresAt);
    }

    public async Task<Outcome<IReadOnlyList<WebLinkView>>> ListAsync(string name, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        var allowed = await access.RequireSharerAsync(name, actor, SharingRules.LinkList, "Listing web links", links: true, cancellationToken);
        if (allowed.Problem is { } refused) return refused;
        var now = time.GetUtcNow();
        var result = new List<WebLinkView>();
        await foreach (var link in links.ListAsync(name, cancellationToken)) result.Add(link.ToView(now));
        return result.OrderBy(l => l.CreatedAt).ToList();
    }

    public async Task<Outcome<WebLinkView>> RevokeAsync(string name, string id, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        var allowed = await access.RequireSharerAsync(name, actor, SharingRules.LinkRevoke, "Revoking a web link", links: true, cancellationToken);
        if (allowed.Problem is { } refused) return refused;
        var link = id.Length == 24 && id.All(char.IsAsciiHexDigitLower) ? await links.GetAsync(id, cancellationToken) : null;
        if (link is null || !string.Equals(link.Workspace, name, StringComparison.Ordinal))
            return await RefuseAsync(name, actor, "link-not-found", SharingProblems.LinkNotFound, cancellationToken, SharingRules.LinkRevoke);
        var now = time.GetUtcNow();
        if (link.RevokedAt is null)
        {
            link = link with { RevokedAt = now, RevokedBy = actor.Address.Value };
            await links.SaveAsync(link, cancellationToken);
        }
        await audit.RecordAsync(actor.EventOn(SharingRules.LinkRevoke, link.Resource, AuditOutcome.Succeeded, null, Details(link)), cancellationToken);
        return link.ToView(now);
    }

    internal static Dictionary<string, string> Details(WebLinkRecord link) => new()
    {
        ["linkId"] = link.Id,
        ["permission"] = link.Permission.ToString(),
        ["path"] = link.Path,
        ["expiresAt"] = link.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
    };

    private async Task<ApiProblem> RefuseAsync(string name, WorkspaceActor actor, string rule, ApiProblem problem, CancellationToken cancellationToken, string action = SharingRules.LinkCreate)
    {
        await audit.RecordAsync(actor.Event(action, name, null, AuditOutcome.Denied, rule,
            new Dictionary<string, string> { ["problem"] = problem.Type }), cancellationToken);
        return problem;
    }
}
