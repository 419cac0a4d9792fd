using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.SecurityGroups;

/// <summary>One refused entry of a member list: the entry as sent (null for the list as a whole), a stable reason and a sentence.</summary>
public sealed record MemberEntryError(string? Entry, string Reason, string Message);

/// <summary>
/// A comma-separated list of addresses to add (SPEC §2): one, or up to <see cref="MaxPerRequest"/>. Every
/// entry is checked and every problem reported, so an admin fixes a pasted list in one go; one bad entry
/// refuses the whole list.
/// </summary>
public static class MemberList
{
    public const int MaxPerRequest = 50;

    public static class Reasons
    {
        public const string Empty = "empty";
        public const string TooMany = "too-many";
        public const string Malformed = "malformed";
        public const string NotRegistered = "not-registered";
        public const string Duplicate = "duplicate";
        public const string AlreadyMember = "already-member";
        public const string NotMember = "not-member";
    }

    /// <summary>The normalised addresses in the order given, or every reason to refuse the list. Blank entries (a trailing comma) are skipped.</summary>
    public static (IReadOnlyList<EmailAddress> Addresses, IReadOnlyList<MemberEntryError> Errors) Parse(
        string? raw, TenantConfig config, IEnumerable<string> currentMembers)
    {
        ArgumentNullException.ThrowIfNull(config);
        var entries = (raw ?? "").Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        var errors = new List<MemberEntryError>();
        if (entries.Count == 0)
            errors.Add(new(null, Reasons.Empty, "Send one address, or several separated by commas, as 'members'."));
        if (entries.Count > MaxPerRequest)
            errors.Add(new(null, Reasons.TooMany, $"{entries.Count} addresses: at most {MaxPerRequest} can be added at a time."));

        var members = Normalised(currentMembers);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var addresses = new List<EmailAddress>();
        foreach (var entry in entries)
        {
            if (!EmailAddress.TryParse(entry, out var address))
            {
                errors.Add(new(entry, Reasons.Malformed, $"'{entry}' is not an e-mail address."));
                continue;
            }

            if (seen.TryGetValue(address.Value, out var first))
                errors.Add(new(entry, Reasons.Duplicate, $"{address.Value} is listed twice (first as '{first}')."));
            else if (!config.IsRegistered(address))
                errors.Add(new(entry, Reasons.NotRegistered, $"{address.Value} is not a registered user: {address.Domain} is not one of the Organization's domains."));
            else if (members.Contains(address.Value))
                errors.Add(new(entry, Reasons.AlreadyMember, $"{address.Value} is a member already."));
            seen.TryAdd(address.Value, entry);
            addresses.Add(address);
        }

        return errors.Count > 0 ? ([], errors) : (addresses.DistinctBy(a => a.Value).ToList(), []);
    }

    /// <summary>Members as written in a resource, normalised; entries that are not addresses stay as written (the compiler reports them).</summary>
    public static HashSet<string> Normalised(IEnumerable<string>? members) =>
        (members ?? []).Select(m => EmailAddress.TryParse(m, out var a) ? a.Value : m).ToHashSet(StringComparer.Ordinal);

    /// <summary>The already-member errors of <paramref name="addresses"/> against the resource as read now (it may be newer than the config in force).</summary>
    public static List<MemberEntryError> AlreadyMembers(IEnumerable<EmailAddress> addresses, IEnumerable<string>? members)
    {
        var current = Normalised(members);
        return [.. addresses.Where(a => current.Contains(a.Value)).Select(a => new MemberEntryError(a.Value, Reasons.AlreadyMember, $"{a.Value} is a member already."))];
    }
}
