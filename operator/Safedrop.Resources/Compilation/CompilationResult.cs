using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>The compiler's answer: the config to enforce and a verdict for every resource it was given.</summary>
public sealed record CompilationResult(TenantConfig Config, IReadOnlyList<ResourceVerdict> Verdicts)
{
    public ResourceVerdict? Find(string kind, string name) =>
        Verdicts.FirstOrDefault(v => v.Kind == kind && v.Name == name);

    public bool AllReady => Verdicts.All(v => v.Ready);
}

/// <summary>
/// The status the compiler wants a resource to have: its conditions (Ready first) and kind-specific
/// status fields. <see cref="StatusWriter"/> applies it to the resource's status.
/// </summary>
public sealed record ResourceVerdict(string Kind, string Name, long Generation, IReadOnlyList<ConditionUpdate> Conditions)
{
    public ConditionUpdate ReadyCondition => Conditions.First(c => c.Type == ConditionTypes.Ready);
    public bool Ready => ReadyCondition.Status == ConditionStatus.True;
    public string Reason => ReadyCondition.Reason;
    public string Message => ReadyCondition.Message;

    /// <summary>Kind-specific status fields, for example the Dropzone's effective Sender Domain Access.</summary>
    public StatusFacts Facts { get; init; } = StatusFacts.None;
}

/// <summary>A condition to set, without the bookkeeping (transition time, generation) that <see cref="Conditions"/> adds.</summary>
public sealed record ConditionUpdate(string Type, ConditionStatus Status, string Reason, string Message);

/// <summary>Kind-specific status fields the compiler knows.</summary>
public record StatusFacts
{
    public static readonly StatusFacts None = new();
}

public sealed record OrganizationFacts(string EffectivePlan, ResourceCounts Counts, string ConfigRevision) : StatusFacts;

public sealed record DropzoneFacts(bool SenderDomainAccess, int RecipientCount) : StatusFacts;

public sealed record SecurityGroupFacts(int MemberCount) : StatusFacts;

public sealed record WorkspaceFacts(int CollaboratorCount, int ExternalCollaboratorCount) : StatusFacts;
