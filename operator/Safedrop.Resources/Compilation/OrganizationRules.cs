using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>Which Organization governs the namespace, whether its spec is valid, and what it allows.</summary>
internal static class OrganizationRules
{
    public sealed record Outcome(CompiledOrganization? InForce, Organization? Governing, List<VerdictBuilder> Builders, Dictionary<string, string> ForeignDomains);

    public static Outcome Compile(TenantInput input)
    {
        var ordered = TenantCompiler.ByPrecedence(input.Organizations);
        var builders = new List<VerdictBuilder>();
        var governing = ordered.FirstOrDefault();
        var foreign = ForeignDomains(input, governing);

        foreach (var duplicate in ordered.Skip(1))
        {
            var builder = new VerdictBuilder(Organization.KindName, duplicate);
            builder.Fail(ConditionTypes.SpecValid, Reasons.DuplicateOrganization,
                $"Namespace '{input.Namespace}' already has Organization '{governing!.Metadata.Name}'; a namespace holds one Organization. Move this one to its own namespace.");
            builders.Add(builder);
        }

        if (governing is null) return new Outcome(null, null, builders, foreign);

        var check = new VerdictBuilder(Organization.KindName, governing);
        var domains = CheckDomains(input, governing, check);
        var admins = CheckAdmins(governing, domains, check);
        var personal = NormalizeAll(PersonalDomains.BuiltIn.Concat(governing.Spec.PersonalDomains), out var badPersonal);
        check.Check(ConditionTypes.SpecValid, Reasons.InvalidDomain,
            [.. badPersonal.Select(d => $"spec.personalDomains: '{d}' is not a domain name")], "The spec is valid.");
        builders.Insert(0, check);

        CompiledOrganization? inForce = check.HasFailures
            ? input.Previous?.Organization is { } previous && previous.Name == governing.Metadata.Name ? previous : null
            : Build(governing, domains, admins, personal);
        return new Outcome(inForce, governing, builders, foreign);
    }

    public static EffectiveFeatures FeaturesOf(Plan plan, FeatureSwitches switches) => new()
    {
        SecurityGroups = plan >= Plan.Business,
        SenderDomainAccess = plan == Plan.Enterprise && switches.SenderDomainAccess,
        PersonalWorkflows = plan == Plan.Enterprise && switches.PersonalWorkflows,
        ExternalSharing = switches.ExternalSharing,
        ApiKeys = switches.ApiKeys,
        TrustedDeviceKeys = switches.TrustedDeviceKeys,
    };

    public static DateTimeOffset CreatedAt(ISafedropResource resource) =>
        resource.Metadata.CreationTimestamp is { } created
            ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc))
            : DateTimeOffset.MinValue;

    private static SortedSet<string> CheckDomains(TenantInput input, Organization org, VerdictBuilder check)
    {
        var domains = NormalizeAll(org.Spec.Domains, out var invalid);
        var problems = invalid.Select(d => $"'{d}' is not a domain name").ToList();
        var personal = NormalizeAll(PersonalDomains.BuiltIn, out _);
        problems.AddRange(domains.Where(d => PersonalDomains.Contains(personal, d))
            .Select(d => $"'{d}' is a personal e-mail domain: anyone can have an address there, so it cannot be internal"));
        if (problems.Count > 0)
        {
            check.Fail(ConditionTypes.DomainsClaimed, Reasons.InvalidDomain, "spec.domains: " + string.Join("; ", problems) + ".");
            return domains;
        }

        var me = Key(input.Namespace, org);
        var conflicts = input.Directory.Entries
            .Where(e => (e.Namespace, e.Name) != me && Precedes(e, input.Namespace, org))
            .SelectMany(e => e.Domains.Select(d => (Domain: EmailAddress.TryNormalizeDomain(d, out var n) ? n : d, Entry: e)))
            .Where(c => domains.Contains(c.Domain))
            .Select(c => $"'{c.Domain}' is already claimed by Organization '{c.Entry.Name}' in namespace '{c.Entry.Namespace}'")
            .ToList();
        if (conflicts.Count > 0)
            check.Fail(ConditionTypes.DomainsClaimed, Reasons.DomainConflict,
                string.Join("; ", conflicts) + ". A domain belongs to one Organization: remove it here or there.");
        else
            check.Pass(ConditionTypes.DomainsClaimed, Reasons.Compiled, $"This Organization alone claims {string.Join(", ", domains)}.");
        return domains;
    }

    private static SortedSet<string> CheckAdmins(Organization org, SortedSet<string> domains, VerdictBuilder check)
    {
        var admins = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var raw in org.Spec.Admins)
        {
            if (!EmailAddress.TryParse(raw, out var admin)) problems.Add($"'{raw}' is not an e-mail address");
            else if (!domains.Contains(admin.Domain)) problems.Add($"{admin} is not a registered user (not in spec.domains)");
            else admins.Add(admin.Value);
        }

        check.Check(ConditionTypes.AdminsRegistered, Reasons.AdminNotRegistered, [.. problems.Select(p => "spec.admins: " + p)],
            $"{admins.Count} admin(s), all registered users.");
        return admins;
    }

    private static CompiledOrganization Build(Organization org, SortedSet<string> domains, SortedSet<string> admins, SortedSet<string> personal) => new()
    {
        Name = org.Metadata.Name ?? "",
        Generation = org.Metadata.Generation ?? 0,
        DisplayName = org.Spec.DisplayName,
        Plan = org.Spec.Plan,
        Domains = domains,
        Admins = admins,
        PersonalDomains = personal,
        Features = FeaturesOf(org.Spec.Plan, org.Spec.Features),
        Pin = org.Spec.Pin,
        Session = org.Spec.Session,
        Platform = org.Spec.Platform,
        OnDelete = org.Spec.DataRetention.OnDelete,
    };

    /// <summary>Every other Organization's domains, so the API can tell a cross-organization address from a plain external one.</summary>
    private static Dictionary<string, string> ForeignDomains(TenantInput input, Organization? governing)
    {
        var me = governing is null ? default : Key(input.Namespace, governing);
        var foreign = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in input.Directory.Entries.Where(e => (e.Namespace, e.Name) != me)
                     .OrderBy(e => e.CreatedAt).ThenBy(e => e.Namespace, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            foreach (var domain in entry.Domains)
                if (EmailAddress.TryNormalizeDomain(domain, out var normalized)) foreign.TryAdd(normalized, entry.Name);
        }

        return foreign;
    }

    /// <summary>The older claim wins a domain: creation time, then namespace, then name.</summary>
    private static bool Precedes(DirectoryEntry other, string @namespace, Organization org)
    {
        var created = CreatedAt(org);
        if (other.CreatedAt != created) return other.CreatedAt < created;
        var byNamespace = string.CompareOrdinal(other.Namespace, @namespace);
        return byNamespace != 0 ? byNamespace < 0 : string.CompareOrdinal(other.Name, org.Metadata.Name) < 0;
    }

    private static (string, string) Key(string @namespace, Organization org) => (org.Metadata.NamespaceProperty ?? @namespace, org.Metadata.Name ?? "");

    public static SortedSet<string> NormalizeAll(IEnumerable<string> raw, out List<string> invalid)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        invalid = [];
        foreach (var value in raw)
        {
            if (EmailAddress.TryNormalizeDomain(value, out var domain)) result.Add(domain);
            else invalid.Add(value);
        }

        return result;
    }
}
