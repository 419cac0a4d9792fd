using Microsoft.AspNetCore.Http.HttpResults;

namespace Safedrop.Api.Http;

/// <summary>
/// An expected failure a service reports to its endpoint, which answers it as RFC 9457 problem details.
/// Services return it instead of throwing, so the happy path and every refusal read side by side.
/// </summary>
public sealed record ApiProblem(int Status, string Type, string Title, string Detail)
{
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public ProblemHttpResult ToResult() =>
        TypedResults.Problem(detail: Detail, statusCode: Status, title: Title, type: Type,
            extensions: Extensions is null ? null : new Dictionary<string, object?>(Extensions));
}

/// <summary>A value or the problem that prevented it.</summary>
public readonly record struct Outcome<T>(T? Value, ApiProblem? Problem)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(ApiProblem problem) => new(default, problem);
}

/// <summary>How endpoints answer an <see cref="Outcome{T}"/>: the value, or its problem.</summary>
public static class OutcomeResults
{
    public static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.Problem is { } problem ? problem.ToResult() : TypedResults.Ok(outcome.Value!);

    public static Results<NoContent, ProblemHttpResult> NoContent<T>(Outcome<T> outcome) =>
        outcome.Problem is { } problem ? problem.ToResult() : TypedResults.NoContent();
}
