using System.ComponentModel.DataAnnotations;

namespace Safedrop.Api.Http;

/// <summary>Section <c>Safedrop:Limits</c>: bounds on what a request may make the server hold.</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "Safedrop:Limits";

    /// <summary>
    /// Largest request body for endpoints that do not set their own (<c>[RequestSizeLimit]</c> metadata).
    /// API bodies are small JSON; file bytes go to object storage through signed URLs.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
