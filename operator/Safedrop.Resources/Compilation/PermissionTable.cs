using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>
/// SPEC.md §2 as data: a permission no group in force grants is held by every registered user,
/// except PersonalWorkflows, which is opt-in; once granted, only members of granting groups hold it.
/// </summary>
public sealed record PermissionTable
{
    public static readonly PermissionTable Empty = new();

    /// <summary>Permission → member → the groups that grant it to them (sorted).</summary>
    public IReadOnlyDictionary<Permission, IReadOnlyDictionary<string, IReadOnlyList<string>>> Holders { get; init; } =
        new Dictionary<Permission, IReadOnlyDictionary<string, IReadOnlyList<string>>>();

    /// <summary>Permission → every group in force that grants it (sorted). Absent: unrestricted.</summary>
    public IReadOnlyDictionary<Permission, IReadOnlyList<string>> GrantingGroups { get; init; } =
        new Dictionary<Permission, IReadOnlyList<string>>();

    /// <summary>Permissions no one holds because the plan or an Organization switch turns the feature off.</summary>
    public IReadOnlySet<Permission> Unavailable { get; init; } = new HashSet<Permission>();

    public static bool IsOptIn(Permission permission) => permission == Permission.PersonalWorkflows;

    public PermissionDecision Resolve(EmailAddress address, Permission permission, bool registered)
    {
        if (!registered) return new(false, PermissionBasis.NotRegistered, []);
        if (Unavailable.Contains(permission)) return new(false, PermissionBasis.FeatureUnavailable, []);

        if (Holders.TryGetValue(permission, out var holders) && holders.TryGetValue(address.Value, out var groups))
            return new(true, PermissionBasis.GrantedByGroups, groups);

        if (GrantingGroups.TryGetValue(permission, out var granting))
            return new(false, PermissionBasis.NotInGrantingGroup, granting);

        return IsOptIn(permission)
            ? new(false, PermissionBasis.OptInRequired, [])
            : new(true, PermissionBasis.Unrestricted, []);
    }

    public static PermissionTable Build(IEnumerable<CompiledSecurityGroup> groupsInForce, IReadOnlySet<Permission> unavailable)
    {
        var holders = new Dictionary<Permission, Dictionary<string, SortedSet<string>>>();
        var granting = new Dictionary<Permission, SortedSet<string>>();
        foreach (var group in groupsInForce)
        {
            foreach (var permission in group.Permissions)
            {
                AddTo(granting, permission, group.Name);
                var members = holders.TryGetValue(permission, out var existing) ? existing : holders[permission] = new(StringComparer.Ordinal);
                foreach (var member in group.Members) AddTo(members, member, group.Name);
            }
        }

        return new PermissionTable
        {
            Holders = holders.ToDictionary(
                p => p.Key,
                p => (IReadOnlyDictionary<string, IReadOnlyList<string>>)p.Value.ToDictionary(
                    m => m.Key, m => (IReadOnlyList<string>)[.. m.Value], StringComparer.Ordinal)),
            GrantingGroups = granting.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value]),
            Unavailable = unavailable,
        };
    }

    private static void AddTo<TKey>(Dictionary<TKey, SortedSet<string>> map, TKey key, string value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var set)) map[key] = set = new SortedSet<string>(StringComparer.Ordinal);
        set.Add(value);
    }
}
