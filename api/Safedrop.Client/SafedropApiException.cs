using System.Net;
using System.Text.Json;

namespace Safedrop.Client;

/// <summary>
/// The API refused a request: its RFC 9457 problem details. Branch on <see cref="Type"/> (a stable URI such as
/// <c>https://safedrop.io/problems/access-denied</c>), never on <see cref="Title"/> or <see cref="Detail"/>.
/// </summary>
public sealed class SafedropApiException : Exception
{
    public const string ProblemPrefix = "https://safedrop.io/problems/";

    public SafedropApiException()
        : this(HttpStatusCode.InternalServerError, ProblemPrefix + "error", "Error", null, null)
    {
    }

    public SafedropApiException(string message)
        : base(message)
    {
        Type = ProblemPrefix + "error";
        Title = message;
    }

    public SafedropApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Type = ProblemPrefix + "error";
        Title = message;
    }

    public SafedropApiException(HttpStatusCode status, string type, string title, string? detail, JsonElement? problem)
        : base(detail is null ? title : $"{title}: {detail}")
    {
        Status = status;
        Type = type;
        Title = title;
        Detail = detail;
        Problem = problem;
    }

    public HttpStatusCode Status { get; }

    public string Type { get; }

    public string Title { get; }

    public string? Detail { get; }

    /// <summary>The whole problem document, for extensions such as <c>parts</c> or <c>remainingAttempts</c>.</summary>
    public JsonElement? Problem { get; }

    /// <summary>The last segment of <see cref="Type"/>, e.g. <c>access-denied</c>.</summary>
    public string Slug => Type.StartsWith(ProblemPrefix, StringComparison.Ordinal) ? Type[ProblemPrefix.Length..] : Type;

    public bool Is(string slug) => string.Equals(Slug, slug, StringComparison.Ordinal);
}
