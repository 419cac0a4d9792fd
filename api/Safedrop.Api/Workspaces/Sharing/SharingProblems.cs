using System.Globalization;
using Safedrop.Api.Http;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>The refusals of sharing and web links (SPEC §3), each with a stable type and a detail that says what to do.</summary>
public static class SharingProblems
{
    public static ApiProblem ExternalCannotShare(string workspace, bool links) =>
        new(403, ProblemTypes.ExternalCannotShare, links ? "External collaborators cannot create web links" : "External collaborators cannot share",
            $"You are an external collaborator of Workspace {workspace}: you can read{(links ? "" : " and, with Modify, upload")} per your role, but never share or create web links — not even for files you uploaded. Ask one of its CoOwners.");

    public static ApiProblem Invalid(string detail) => new(400, ProblemTypes.ShareInvalid, "Invalid share", detail);

    public static ApiProblem ExternalRoleTooHigh(string email) =>
        new(400, ProblemTypes.ExternalRoleTooHigh, "External collaborators can be given at most Modify",
            $"{email} is external (not an address of this Organization's domains): give it Modify or View. CoOwner, which also shares and manages, is for registered users only.")
        {
            Extensions = new Dictionary<string, object?> { ["email"] = email, ["maxRole"] = nameof(CollaboratorRole.Modify) },
        };

    /// <param name="byOrganization">The Organization's switch is off (else the Workspace's own setting is).</param>
    public static ApiProblem ExternalSharingOff(string workspace, bool byOrganization, string what) =>
        new(403, ProblemTypes.ExternalSharingOff, "External sharing is off",
            $"{what} is not possible: external sharing is off for Workspace {workspace} "
            + (byOrganization ? "(the Organization's spec.features.externalSharing is false)." : "(its spec.externalSharing is false)."))
        {
            Extensions = new Dictionary<string, object?> { ["workspace"] = workspace, ["switch"] = byOrganization ? "organization" : "workspace" },
        };

    public static ApiProblem CrossOrganization(string workspace, string email, string organization, CollaboratorRole role, WebLinkOffer offer) =>
        new(409, ProblemTypes.CrossOrganizationAddress, "Address of another Organization: no share, a web link instead",
            $"{email} belongs to the Organization '{organization}' on this platform, so Workspace {workspace} cannot be shared with it as a collaborator (no share was made). "
            + $"Share a web link instead: the {role} role maps to the {offer.Permission} web-link permission. Create it with {offer.Method} {offer.Href} and the body in 'offer', then send the link to {email}.")
        {
            Extensions = new Dictionary<string, object?>
            {
                ["email"] = email,
                ["organization"] = organization,
                ["requestedRole"] = role.ToString(),
                ["offer"] = offer,
            },
        };

    public static ApiProblem DeclaredInYaml(string workspace, string email) =>
        new(409, ProblemTypes.ShareDeclaredInYaml, "Declared in YAML",
            $"{email} is a collaborator declared in Workspace {workspace}'s resource (approved by definition); change or remove it there, not through the API.");

    public static ApiProblem ShareNotFound(string workspace, string email) =>
        new(404, ProblemTypes.ShareNotFound, "Share not found", $"Workspace {workspace} has no pending or active share with {email}.");

    public static ApiProblem StateConflict(string detail) => new(409, ProblemTypes.ShareStateConflict, "Share not in the right state", detail);

    public static ApiProblem ReinviteTooSoon(string email, TimeSpan retryAfter) =>
        new(429, ProblemTypes.ReinviteTooSoon, "Invitation sent recently",
            $"An invitation went to {email} less than {SharingRules.ReinviteInterval.TotalMinutes:0} minutes ago; try again in {Seconds(retryAfter)} seconds.")
        {
            Extensions = new Dictionary<string, object?> { ["retryAfterSeconds"] = Seconds(retryAfter) },
        };

    public static ApiProblem LinkInvalid(string detail) => new(400, ProblemTypes.WebLinkInvalid, "Invalid web link", detail);

    public static ApiProblem LinkNotFound { get; } =
        new(404, ProblemTypes.WebLinkNotFound, "Web link not found", "There is no such web link; check that the whole link was copied.");

    public static ApiProblem LinkExpired(DateTimeOffset expiredAt) =>
        new(410, ProblemTypes.WebLinkExpired, "Web link expired",
            $"This web link expired on {expiredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; ask for a new one.");

    public static ApiProblem LinkRevoked { get; } =
        new(403, ProblemTypes.WebLinkRevoked, "Web link revoked", "This web link was revoked by the Workspace's CoOwners; ask for a new one.");

    public static ApiProblem LinkNotAllowed(string detail) => new(403, ProblemTypes.WebLinkNotAllowed, "Not allowed through this web link", detail);

    public static int Seconds(TimeSpan span) => (int)Math.Ceiling(Math.Max(1, span.TotalSeconds));
}
