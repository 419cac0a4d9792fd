using System.ComponentModel.DataAnnotations;

namespace Safedrop.Api.Identity;

/// <summary>
/// Section <c>Safedrop:Identity</c>: server-side limits on PIN sign-in. They are counted in the session cache,
/// so they hold across replicas. PIN length, validity and attempts come from the Organization instead.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Safedrop:Identity";

    /// <summary>PIN requests one address may receive per window: stops mail-bombing someone.</summary>
    [Range(1, 1000)]
    public int PinRequestsPerAddress { get; set; } = 5;

    /// <summary>PIN requests one client IP may make per window, over all addresses.</summary>
    [Range(1, 100_000)]
    public int PinRequestsPerClient { get; set; } = 30;

    /// <summary>PIN verifications one client IP may try per window, over all addresses: slows guessing across addresses.</summary>
    [Range(1, 100_000)]
    public int PinVerificationsPerClient { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(15);
}
