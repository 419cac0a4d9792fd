using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>SPEC.md §2: groups exist on Business and Enterprise plans and hold registered users only.</summary>
internal static class SecurityGroupRules
{
    public static (Dictionary<string, CompiledSecurityGroup> InForce, List<ResourceVerdict> Verdicts) Compile(CompileContext context)
    {
        var inForce = new Dictionary<string, CompiledSecurityGroup>(StringComparer.Ordinal);
        var verdicts = new List<ResourceVerdict>();
        var dropzoneNames = context.Input.Dropzones.Select(d => d.Metadata.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var group in context.Input.SecurityGroups)
        {
            var check = new VerdictBuilder(SecurityGroup.KindName, group);
            if (!context.Features.SecurityGroups)
            {
                // A plan restriction is not an invalid spec: nothing of the group stays in force.
                check.Fail(ConditionTypes.SpecValid, Reasons.PlanRestriction,
                    $"Security Groups need the Business or Enterprise plan; Organization '{context.Organization.Name}' is on {context.Organization.Plan}.");
                verdicts.Add(check.Build("", InForce.None, null));
                continue;
            }

            var members = new SortedSet<string>(StringComparer.Ordinal);
            var memberProblems = new List<string>();
            for (var i = 0; i < group.Spec.Members.Count; i++)
            {
                if (context.TryRegistered(group.Spec.Members[i], $"spec.members[{i}]", memberProblems, out var member)
                    && !members.Add(member.Value))
                    memberProblems.Add($"spec.members[{i}]: {member} is listed twice");
            }

            check.Check(ConditionTypes.MembersRegistered, Reasons.MemberNotRegistered, memberProblems, $"{members.Count} member(s), all registered users.");

            var unknown = group.Spec.Dropzones.Where(d => !dropzoneNames.Contains(d)).ToList();
            check.Check(ConditionTypes.SpecValid, Reasons.UnknownReference,
                [.. unknown.Select(d => $"spec.dropzones: no Dropzone named '{d}' in namespace '{context.Input.Namespace}'")],
                "The spec is valid.");

            var compiled = check.HasFailures ? context.Previous?.SecurityGroups.GetValueOrDefault(check.Name) : new CompiledSecurityGroup
            {
                Name = check.Name,
                Generation = check.Generation,
                DisplayName = group.Spec.DisplayName,
                Permissions = new SortedSet<Permission>(group.Spec.Permissions),
                Members = members,
                Dropzones = new SortedSet<string>(group.Spec.Dropzones, StringComparer.Ordinal),
            };
            if (compiled is not null) inForce[check.Name] = compiled;

            verdicts.Add(check.Build(
                $"Grants {string.Join(", ", group.Spec.Permissions)} to {members.Count} member(s).",
                compiled is null ? InForce.None : InForce.LastValid,
                compiled?.Generation,
                new SecurityGroupFacts((compiled?.Members.Count) ?? 0)));
        }

        return (inForce, verdicts);
    }

    /// <summary>Permissions no one holds because the plan or a switch turns their feature off.</summary>
    public static HashSet<Permission> Unavailable(EffectiveFeatures features)
    {
        var unavailable = new HashSet<Permission>();
        if (!features.PersonalWorkflows) unavailable.Add(Permission.PersonalWorkflows);
        if (!features.ApiKeys) unavailable.Add(Permission.ApiKeys);
        if (!features.TrustedDeviceKeys) unavailable.Add(Permission.TrustedDeviceKeys);
        if (!features.ExternalSharing) unavailable.Add(Permission.InviteExternalUsers);
        return unavailable;
    }
}
