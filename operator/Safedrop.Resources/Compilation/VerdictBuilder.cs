using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>
/// Collects the checks of one resource as kind-specific conditions and derives Ready from them:
/// Ready is False with the first failing check's reason, and says which configuration stays in force.
/// </summary>
internal sealed class VerdictBuilder(string kind, ISafedropResource resource)
{
    private readonly List<(ConditionUpdate Update, bool Failure)> checks = [];

    public string Kind => kind;
    public string Name => resource.Metadata.Name ?? "";
    public long Generation => resource.Metadata.Generation ?? 0;

    public bool HasFailures => checks.Exists(c => c.Failure);

    public IEnumerable<string> FailureReasons => checks.Where(c => c.Failure).Select(c => c.Update.Reason);

    /// <summary>A check that holds.</summary>
    public void Pass(string type, string reason, string message) => Record(new(type, ConditionStatus.True, reason, message), false);

    /// <summary>A check that fails and makes the resource not Ready.</summary>
    public void Fail(string type, string reason, string message) => Record(new(type, ConditionStatus.False, reason, message), true);

    /// <summary>A condition that is False without being a failure, for example a feature simply not requested.</summary>
    public void Note(string type, string reason, string message) => Record(new(type, ConditionStatus.False, reason, message), false);

    /// <summary>Passes <paramref name="type"/> when <paramref name="problems"/> is empty, else fails it listing them all.</summary>
    public void Check(string type, string failReason, IReadOnlyCollection<string> problems, string passMessage)
    {
        if (problems.Count == 0) Pass(type, Reasons.Compiled, passMessage);
        else Fail(type, failReason, string.Join("; ", problems));
    }

    /// <summary>One condition per type: a later failure overrides an earlier pass, never the other way round.</summary>
    private void Record(ConditionUpdate update, bool failure)
    {
        var index = checks.FindIndex(c => c.Update.Type == update.Type);
        if (index < 0) checks.Add((update, failure));
        else if (failure && !checks[index].Failure) checks[index] = (update, failure);
    }

    /// <param name="inForce">What the API enforces for this resource now.</param>
    /// <param name="keptGeneration">Generation of the last valid form kept in force, when the resource is not valid.</param>
    public ResourceVerdict Build(string readyMessage, InForce inForce, long? keptGeneration, StatusFacts? facts = null)
    {
        var ready = checks.Find(c => c.Failure) is var (failure, failed) && failed
            ? new ConditionUpdate(ConditionTypes.Ready, ConditionStatus.False, failure.Reason, failure.Message + " " + Consequence(inForce, keptGeneration))
            : new ConditionUpdate(ConditionTypes.Ready, ConditionStatus.True, Reasons.Compiled, readyMessage);

        return new ResourceVerdict(kind, Name, Generation, [ready, .. checks.Select(c => c.Update)]) { Facts = facts ?? StatusFacts.None };
    }

    private static string Consequence(InForce inForce, long? keptGeneration) => inForce switch
    {
        InForce.LastValid => $"The last valid configuration (generation {keptGeneration}) stays in force.",
        InForce.Degraded => "The rest of the resource is in force with that feature off.",
        _ => "Not in force until this is resolved.",
    };
}

internal enum InForce
{
    Current,
    Degraded,
    LastValid,
    None,
}
