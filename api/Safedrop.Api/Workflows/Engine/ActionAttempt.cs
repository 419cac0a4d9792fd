namespace Safedrop.Api.Workflows.Engine;

/// <summary>The result of one try of an action; <see cref="Retryable"/> false ends the tries at once.</summary>
public sealed record ActionAttempt(bool Succeeded, string? Detail, bool Retryable = true)
{
    public static ActionAttempt Success(string? detail = null) => new(true, detail);

    public static ActionAttempt Failure(string detail, bool retryable = true) => new(false, detail, retryable);
}
