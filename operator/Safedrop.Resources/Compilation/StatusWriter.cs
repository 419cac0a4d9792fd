using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>Applies a compiler verdict to a resource's status; true when the status changed.</summary>
public static class StatusWriter
{
    public static bool Apply(ISafedropResource resource, ResourceVerdict verdict, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(verdict);
        var status = resource.CommonStatus;
        var changed = false;
        foreach (var update in verdict.Conditions)
            changed |= Conditions.Set(status.Conditions, update, verdict.Generation, now);

        // Conditions the compiler no longer reports (for example after a kind-specific check was removed) go away,
        // except those owned by another writer (the operator's PlatformReady).
        var reported = verdict.Conditions.Select(c => c.Type).ToHashSet(StringComparer.Ordinal);
        changed |= status.Conditions.RemoveAll(c => !reported.Contains(c.Type) && c.Type != ConditionTypes.PlatformReady) > 0;

        if (status.ObservedGeneration != verdict.Generation)
        {
            status.ObservedGeneration = verdict.Generation;
            changed = true;
        }

        return ApplyFacts(resource, verdict.Facts) | changed;
    }

    private static bool ApplyFacts(ISafedropResource resource, StatusFacts facts)
    {
        switch (resource, facts)
        {
            case (Organization o, OrganizationFacts f):
                return Update(o.Status.EffectivePlan, f.EffectivePlan, v => o.Status.EffectivePlan = v)
                     | Update(o.Status.ConfigRevision, f.ConfigRevision, v => o.Status.ConfigRevision = v)
                     | UpdateCounts(o.Status, f.Counts);
            case (Dropzone d, DropzoneFacts f):
                return Update(d.Status.SenderDomainAccess, f.SenderDomainAccess, v => d.Status.SenderDomainAccess = v)
                     | Update(d.Status.RecipientCount, f.RecipientCount, v => d.Status.RecipientCount = v);
            case (SecurityGroup g, SecurityGroupFacts f):
                return Update(g.Status.MemberCount, f.MemberCount, v => g.Status.MemberCount = v);
            case (Workspace w, WorkspaceFacts f):
                return Update(w.Status.CollaboratorCount, f.CollaboratorCount, v => w.Status.CollaboratorCount = v)
                     | Update(w.Status.ExternalCollaboratorCount, f.ExternalCollaboratorCount, v => w.Status.ExternalCollaboratorCount = v);
            default:
                return false;
        }
    }

    private static bool UpdateCounts(OrganizationStatus status, ResourceCounts counts)
    {
        static (int, int, int, int, int, int, int, int) Flatten(ResourceCounts? c) => c is null
            ? default
            : (c.Dropzones.Ready, c.Dropzones.Total, c.SecurityGroups.Ready, c.SecurityGroups.Total,
               c.Workspaces.Ready, c.Workspaces.Total, c.PersonalWorkflows.Ready, c.PersonalWorkflows.Total);

        if (status.Resources is not null && Flatten(status.Resources) == Flatten(counts)) return false;
        status.Resources = counts;
        return true;
    }

    private static bool Update<T>(T current, T desired, Action<T> set)
    {
        if (EqualityComparer<T>.Default.Equals(current, desired)) return false;
        set(desired);
        return true;
    }
}
