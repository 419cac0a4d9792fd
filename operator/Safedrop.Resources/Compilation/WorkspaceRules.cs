using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>SPEC.md §3 as far as YAML decides it: owner, collaborators and their roles, external sharing, quota.</summary>
internal static class WorkspaceRules
{
    public static (Dictionary<string, CompiledWorkspace> InForce, List<ResourceVerdict> Verdicts) Compile(CompileContext context)
    {
        var inForce = new Dictionary<string, CompiledWorkspace>(StringComparer.Ordinal);
        var verdicts = new List<ResourceVerdict>();
        foreach (var workspace in context.Input.Workspaces)
        {
            var check = new VerdictBuilder(Workspace.KindName, workspace);
            var spec = workspace.Spec;
            var owner = context.CheckOwner(spec.Owner, Permission.WorkspaceOwnership, check, ConditionTypes.OwnerAuthorized);
            var sharingAllowed = spec.ExternalSharing && context.Features.ExternalSharing;
            var collaborators = Collaborators(context, spec, owner, sharingAllowed, check);

            var quotaOk = CompileContext.TryParseQuantity(spec.Quota, out var quota);
            check.Check(ConditionTypes.SpecValid, Reasons.InvalidSpec,
                quotaOk ? [] : [$"spec.quota: '{spec.Quota}' is not a positive size such as 50Gi"], "The spec is valid.");

            var compiled = check.HasFailures
                ? context.Previous?.Workspaces.GetValueOrDefault(check.Name) is { } previous
                    // Switching external sharing off takes effect at once, even while the last valid form stays.
                    ? previous with { ExternalSharing = previous.ExternalSharing && sharingAllowed, Collaborators = [.. previous.Collaborators.Where(c => !c.External || sharingAllowed)] }
                    : null
                : new CompiledWorkspace
                {
                    Name = check.Name,
                    Generation = check.Generation,
                    DisplayName = spec.DisplayName,
                    Owner = owner!.Value.Value,
                    Collaborators = collaborators,
                    ExternalSharing = sharingAllowed,
                    QuotaBytes = quota,
                };
            if (compiled is not null) inForce[check.Name] = compiled;

            verdicts.Add(check.Build(
                $"Owned by {compiled?.Owner} with {collaborators.Count} collaborator(s); external sharing {(sharingAllowed ? "allowed" : "off")}.",
                compiled is null ? InForce.None : InForce.LastValid, compiled?.Generation,
                new WorkspaceFacts(compiled?.Collaborators.Count ?? 0, compiled?.Collaborators.Count(c => c.External) ?? 0)));
        }

        return (inForce, verdicts);
    }

    private static List<CompiledCollaborator> Collaborators(
        CompileContext context, WorkspaceSpec spec, EmailAddress? owner, bool sharingAllowed, VerdictBuilder check)
    {
        var result = new List<CompiledCollaborator>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<(string Reason, string Message)>();
        for (var i = 0; i < spec.Collaborators.Count; i++)
        {
            var entry = spec.Collaborators[i];
            var field = $"spec.collaborators[{i}]";
            if (!EmailAddress.TryParse(entry.Email, out var address))
            {
                problems.Add((Reasons.InvalidSpec, $"{field}: '{entry.Email}' is not an e-mail address"));
                continue;
            }

            if (address == owner || !seen.Add(address.Value))
            {
                problems.Add((Reasons.DuplicateCollaborator, $"{field}: {address} is {(address == owner ? "the owner" : "listed twice")}"));
                continue;
            }

            var external = !context.IsRegistered(address);
            if (external && context.ForeignDomains.TryGetValue(address.Domain, out var otherOrg))
                problems.Add((Reasons.CrossOrganizationCollaborator,
                    $"{field}: {address} belongs to Organization '{otherOrg}'; it cannot be a collaborator — share a web link instead ({WebLinkPermissionFor(entry.Role)})"));
            else if (external && !sharingAllowed)
                problems.Add((Reasons.ExternalSharingDisabled,
                    $"{field}: {address} is external and external sharing is off ({(spec.ExternalSharing ? "the Organization's spec.features.externalSharing" : "this Workspace's spec.externalSharing")})"));
            else if (external && entry.Role == CollaboratorRole.CoOwner)
                problems.Add((Reasons.InvalidRole, $"{field}: {address} is external and can be given at most Modify, not CoOwner"));
            else if (!external && entry.External == true)
                problems.Add((Reasons.InvalidSpec, $"{field}: {address} is declared external but is a registered user of this Organization"));
            else
                result.Add(new CompiledCollaborator(address.Value, entry.Role, external));
        }

        if (problems.Count == 0)
            check.Pass(ConditionTypes.CollaboratorsValid, Reasons.Compiled,
                $"{result.Count} collaborator(s), {result.Count(c => c.External)} external.");
        else
            check.Fail(ConditionTypes.CollaboratorsValid, problems[0].Reason, string.Join("; ", problems.Select(p => p.Message)) + ".");
        return result;
    }

    /// <summary>SPEC.md §3: CoOwner and Modify map to DownloadAndUpload, View to ViewAndDownload.</summary>
    public static string WebLinkPermissionFor(CollaboratorRole role) =>
        role == CollaboratorRole.View ? "ViewAndDownload" : "DownloadAndUpload";
}
