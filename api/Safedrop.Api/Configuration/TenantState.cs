using System.Collections.Frozen;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Manifests;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Configuration;

/// <summary>
/// Everything the API knows about its tenant's configuration at one moment. Immutable: the store
/// swaps whole states, so a reader holding one sees a consistent config, verdicts and problems.
/// </summary>
public sealed record TenantState
{
    public static TenantState NotLoaded { get; } = new();

    /// <summary>The namespace served; null until the folder (or snapshot) was first read.</summary>
    public string? Namespace { get; init; }

    /// <summary>The last successful compilation: the config in force and every resource's verdict.</summary>
    public CompilationResult? Compilation { get; init; }

    public DateTimeOffset? CompiledAt { get; init; }

    /// <summary>Resources of the last compilation with the status the verdicts gave them.</summary>
    public IReadOnlyList<ResourceState> Resources { get; init; } = [];

    /// <summary>
    /// Local mode: the PersonalWorkflows of the last compilation by name, as declared (spec, creation time, and the
    /// status its verdict gave), in force or not, so that their owners can read back and fix one that does not run.
    /// Empty in a cluster, where the snapshot carries only what is in force and the API reads the resources
    /// themselves. Published objects are never changed.
    /// </summary>
    public FrozenDictionary<string, PersonalWorkflow> DeclaredWorkflows { get; init; } = FrozenDictionary<string, PersonalWorkflow>.Empty;

    /// <summary>Why the last reload did not compile; empty when it did.</summary>
    public IReadOnlyList<ManifestProblem> Problems { get; init; } = [];

    /// <summary>When the configuration was last read, successfully or not.</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>Increases with every published state.</summary>
    public long Sequence { get; init; }

    public TenantConfig? Config => Compilation?.Config;

    /// <summary>A valid Organization is in force, so the tenant can serve its users.</summary>
    public bool IsServing => Config?.Organization is not null;
}

/// <summary>One resource's status after a compilation, as <c>kubectl get</c> would show it.</summary>
public sealed record ResourceState(string Namespace, string Kind, string Name, long Generation, IReadOnlyList<ConditionState> Conditions)
{
    public ConditionState? ReadyCondition => Conditions.FirstOrDefault(c => c.Type == ConditionTypes.Ready);
    public ConditionStatus Ready => ReadyCondition?.Status ?? ConditionStatus.Unknown;
    public bool IsReady => Ready == ConditionStatus.True;
    public string Reason => ReadyCondition?.Reason ?? "";
    public string Message => ReadyCondition?.Message ?? "";

    public static ResourceState From(ISafedropResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var status = resource.CommonStatus;
        return new ResourceState(
            resource.Metadata.NamespaceProperty ?? "",
            resource.Kind,
            resource.Metadata.Name ?? "",
            status.ObservedGeneration ?? 0,
            [.. status.Conditions.Select(ConditionState.From)]);
    }
}

/// <summary>An immutable copy of a <see cref="Condition"/>.</summary>
public sealed record ConditionState(string Type, ConditionStatus Status, string Reason, string Message, long? ObservedGeneration, DateTimeOffset LastTransitionTime)
{
    public static ConditionState From(Condition c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Type, c.Status, c.Reason, c.Message, c.ObservedGeneration, c.LastTransitionTime);
    }
}
