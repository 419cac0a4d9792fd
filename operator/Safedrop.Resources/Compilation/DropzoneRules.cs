using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>SPEC.md §1 as far as YAML decides it: owner, members, Sender Domain Access and limits.</summary>
internal static class DropzoneRules
{
    public static (Dictionary<string, CompiledDropzone> InForce, List<ResourceVerdict> Verdicts) Compile(CompileContext context)
    {
        var inForce = new Dictionary<string, CompiledDropzone>(StringComparer.Ordinal);
        var verdicts = new List<ResourceVerdict>();
        foreach (var dropzone in context.Input.Dropzones)
        {
            var check = new VerdictBuilder(Dropzone.KindName, dropzone);
            var spec = dropzone.Spec;
            var owner = context.CheckOwner(spec.Owner, Permission.DropzoneOwnership, check, ConditionTypes.OwnerAuthorized);

            var members = new SortedSet<string>(StringComparer.Ordinal);
            var memberProblems = new List<string>();
            for (var i = 0; i < spec.Members.Count; i++)
            {
                if (context.TryRegistered(spec.Members[i], $"spec.members[{i}]", memberProblems, out var member)) members.Add(member.Value);
            }

            check.Check(ConditionTypes.MembersRegistered, Reasons.MemberNotRegistered, memberProblems,
                $"{members.Count} member(s), all registered users.");

            var specProblems = new List<string>();
            var personal = OrganizationRules.NormalizeAll(spec.PersonalDomains, out var badDomains);
            specProblems.AddRange(badDomains.Select(d => $"spec.personalDomains: '{d}' is not a domain name"));
            var maxFile = Size(spec.MaxFileSize, "spec.maxFileSize", specProblems);
            var maxPackage = Size(spec.MaxPackageSize, "spec.maxPackageSize", specProblems);
            if (maxFile > maxPackage && maxPackage > 0)
                specProblems.Add($"spec.maxFileSize ({spec.MaxFileSize}) cannot exceed spec.maxPackageSize ({spec.MaxPackageSize})");
            check.Check(ConditionTypes.SpecValid, Reasons.InvalidSpec, specProblems, "The spec is valid.");

            // A plan or switch that forbids Sender Domain Access degrades the Dropzone instead of refusing it:
            // the API keeps the feature off and everything else works (SPEC.md §1).
            var sdaBlocked = SenderDomainAccess(context, spec, check);
            var valid = !check.FailureReasons.Any(r => r is not (Reasons.PlanRestriction or Reasons.FeatureDisabled));

            CompiledDropzone? compiled;
            InForce state;
            if (valid)
            {
                compiled = new CompiledDropzone
                {
                    Name = check.Name,
                    Generation = check.Generation,
                    DisplayName = spec.DisplayName,
                    Description = spec.Description,
                    Owner = owner!.Value.Value,
                    Members = members,
                    SenderDomainAccess = spec.SenderDomainAccess && !sdaBlocked,
                    PersonalDomains = personal,
                    RetentionDays = spec.RetentionDays,
                    MaxFileSizeBytes = maxFile,
                    MaxPackageSizeBytes = maxPackage,
                    MaxFiles = spec.MaxFiles,
                    AllowedExtensions = [.. spec.AllowedExtensions.Select(e => e.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)],
                };
                state = sdaBlocked ? InForce.Degraded : InForce.Current;
            }
            else
            {
                // The last valid form stays, but a feature the plan, the Organization or the spec now turns off is off at once.
                compiled = context.Previous?.Dropzones.GetValueOrDefault(check.Name) is { } previous
                    ? previous with { SenderDomainAccess = previous.SenderDomainAccess && spec.SenderDomainAccess && !sdaBlocked }
                    : null;
                state = compiled is null ? InForce.None : InForce.LastValid;
            }

            if (compiled is not null) inForce[check.Name] = compiled;
            verdicts.Add(check.Build(
                $"Accepting uploads for {compiled?.Owner} and {members.Count} member(s); Sender Domain Access {(compiled?.SenderDomainAccess == true ? "on" : "off")}.",
                state, compiled?.Generation,
                new DropzoneFacts(compiled?.SenderDomainAccess ?? false, compiled is null ? 0 : compiled.Members.Count + 1)));
        }

        return (inForce, verdicts);
    }

    /// <summary>Records the SenderDomainAccess condition; true when the spec asks for it but it may not be on.</summary>
    private static bool SenderDomainAccess(CompileContext context, DropzoneSpec spec, VerdictBuilder check)
    {
        const string type = ConditionTypes.SenderDomainAccess;
        if (!spec.SenderDomainAccess)
        {
            check.Note(type, Reasons.Off, "Sender Domain Access is off: only the sender, the owner and the members can read uploads.");
            return false;
        }

        if (context.Organization.Plan != Plan.Enterprise)
        {
            check.Fail(type, Reasons.PlanRestriction,
                $"spec.senderDomainAccess needs the Enterprise plan; Organization '{context.Organization.Name}' is on {context.Organization.Plan}, so it stays off.");
            return true;
        }

        if (!context.Features.SenderDomainAccess)
        {
            check.Fail(type, Reasons.FeatureDisabled,
                $"Organization '{context.Organization.Name}' switches Sender Domain Access off (spec.features.senderDomainAccess: false), so it stays off.");
            return true;
        }

        check.Pass(type, Reasons.InForce, "Colleagues at the sender's business domain can read the sender's uploads after PIN verification; personal domains never qualify.");
        return false;
    }

    private static long Size(string raw, string field, List<string> problems)
    {
        if (CompileContext.TryParseQuantity(raw, out var bytes)) return bytes;
        problems.Add($"{field}: '{raw}' is not a positive size such as 2Gi");
        return 0;
    }
}
