using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Http;

namespace Safedrop.Api.Identity;

/// <summary>The display name of a key: required, at most 100 characters, no control characters.</summary>
internal static class Names
{
    public const int MaxLength = 100;

    public static ProblemHttpResult? Problem(string? name)
    {
        var trimmed = name?.Trim();
        if (!string.IsNullOrEmpty(trimmed) && trimmed.Length <= MaxLength && !trimmed.Any(char.IsControl)) return null;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            type: ProblemTypes.BadRequest,
            title: "Invalid name",
            detail: $"'name' is required: 1 to {MaxLength} characters without control characters.");
    }
}
