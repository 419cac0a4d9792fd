using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>Checks one Personal Workflow action against what the owner may do.</summary>
internal static class WorkflowActionRules
{
    public static IEnumerable<(string Reason, string Message)> Check(
        CompileContext context, WorkflowAction action, string field, EmailAddress owner, IReadOnlyDictionary<string, CompiledWorkspace> workspaces)
    {
        var set = (action.Webhook is null ? 0 : 1) + (action.CopyToWorkspace is null ? 0 : 1) + (action.Email is null ? 0 : 1);
        if (set != 1)
        {
            yield return (Reasons.InvalidAction, $"{field}: set exactly one of webhook, copyToWorkspace or email");
            yield break;
        }

        if (action.Webhook is { } webhook && WebhookProblem(webhook.Url) is { } problem)
            yield return (Reasons.InvalidAction, $"{field}.webhook.url: {problem}");

        if (action.CopyToWorkspace is { } copy)
        {
            if (!workspaces.TryGetValue(copy.Workspace, out var workspace))
                yield return (Reasons.UnknownReference, $"{field}.copyToWorkspace.workspace: no Workspace named '{copy.Workspace}' in force");
            else if (!CanWrite(workspace, owner))
                yield return (Reasons.MissingPermission,
                    $"{field}.copyToWorkspace: {owner} cannot write to Workspace '{copy.Workspace}' (needs to own it or be a Modify or CoOwner collaborator)");
        }

        if (action.Email is { } email)
        {
            foreach (var recipient in email.To)
            {
                if (!EmailAddress.TryParse(recipient, out var address) || !context.IsRegistered(address))
                    yield return (Reasons.InvalidAction, $"{field}.email.to: {recipient} is not a registered user; workflows e-mail registered users only");
            }
        }
    }

    public static bool CanWrite(CompiledWorkspace workspace, EmailAddress user) =>
        workspace.Owner == user.Value
        || workspace.Collaborators.Any(c => c.Email == user.Value && c.Role is CollaboratorRole.Modify or CollaboratorRole.CoOwner);

    /// <summary>Webhooks carry package metadata: HTTPS only, except to this machine for development.</summary>
    private static string? WebhookProblem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return $"'{url}' is not an absolute http(s) URL";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "credentials do not belong in the URL; the body is signed with the secret instead";
        if (uri.Scheme == "http" && !uri.IsLoopback) return $"'{url}' must use https (plain http is allowed only to localhost)";
        return null;
    }
}
