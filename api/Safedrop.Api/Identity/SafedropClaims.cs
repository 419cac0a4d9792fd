using System.Security.Claims;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Identity;

/// <summary>
/// What authentication puts on <see cref="ClaimsPrincipal"/>: the normalised e-mail address proven by PIN
/// (through a session or an API key), and how it was proven.
/// </summary>
public static class SafedropClaims
{
    public const string Email = "email";
    /// <summary><c>session</c> or <c>api-key</c>.</summary>
    public const string Method = "amr";
    public const string SessionId = "sid";

    /// <summary>Authorization policy: any signed-in address.</summary>
    public const string SignedInPolicy = "signed-in";

    /// <summary>Authorization policy: an admin of the Organization in force.</summary>
    public const string AdminPolicy = "admin";

    public static EmailAddress? SignedInAddress(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var value = user.FindFirst(Email)?.Value;
        return value is not null && EmailAddress.TryParse(value, out var address) ? address : null;
    }
}
