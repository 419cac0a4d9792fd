using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>
/// The one way conditions change. Keeps lastTransitionTime unless the status flips, and reports
/// whether anything changed so that callers write status only when it did.
/// </summary>
public static class Conditions
{
    public static bool Set(List<Condition> conditions, ConditionUpdate update, long? generation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(update);
        var existing = conditions.Find(c => c.Type == update.Type);
        if (existing is null)
        {
            conditions.Add(new Condition
            {
                Type = update.Type,
                Status = update.Status,
                Reason = update.Reason,
                Message = update.Message,
                ObservedGeneration = generation,
                LastTransitionTime = now,
            });
            return true;
        }

        var changed = false;
        if (existing.Status != update.Status)
        {
            existing.Status = update.Status;
            existing.LastTransitionTime = now;
            changed = true;
        }

        changed |= Assign(existing.Reason, update.Reason, v => existing.Reason = v);
        changed |= Assign(existing.Message, update.Message, v => existing.Message = v);
        if (existing.ObservedGeneration != generation)
        {
            existing.ObservedGeneration = generation;
            changed = true;
        }

        return changed;
    }

    public static Condition? Find(IEnumerable<Condition> conditions, string type) =>
        conditions.FirstOrDefault(c => c.Type == type);

    private static bool Assign(string current, string desired, Action<string> set)
    {
        if (string.Equals(current, desired, StringComparison.Ordinal)) return false;
        set(desired);
        return true;
    }
}
