using Safedrop.Api.Configuration;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Admin;

/// <summary>The compiled configuration's status: what is in force, and each resource's verdict.</summary>
public sealed record AdminStatusResponse(
    string? Namespace,
    bool Ready,
    string? ConfigRevision,
    DateTimeOffset? CompiledAt,
    DateTimeOffset? CheckedAt,
    IReadOnlyList<ConfigProblem> Problems,
    IReadOnlyList<ResourceVerdictResponse> Resources)
{
    public static AdminStatusResponse From(TenantState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(
            state.Namespace,
            state.IsServing,
            state.Config?.Revision,
            state.CompiledAt,
            state.CheckedAt,
            [.. state.Problems.Select(p => new ConfigProblem(p.Location.Path, p.Location.Line, p.Message))],
            [.. state.Resources.Select(ResourceVerdictResponse.From)]);
    }
}

/// <summary>Why the last reload was not compiled, at file:line.</summary>
public sealed record ConfigProblem(string File, int Line, string Message);

public sealed record ResourceVerdictResponse(
    string Kind,
    string Name,
    long Generation,
    ConditionStatus Ready,
    string Reason,
    string Message,
    IReadOnlyList<ConditionResponse> Conditions)
{
    public static ResourceVerdictResponse From(ResourceState resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new(resource.Kind, resource.Name, resource.Generation, resource.Ready, resource.Reason, resource.Message,
            [.. resource.Conditions.Select(c => new ConditionResponse(c.Type, c.Status, c.Reason, c.Message, c.LastTransitionTime))]);
    }
}

public sealed record ConditionResponse(string Type, ConditionStatus Status, string Reason, string Message, DateTimeOffset LastTransitionTime);
