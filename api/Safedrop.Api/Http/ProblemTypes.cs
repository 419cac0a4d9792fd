namespace Safedrop.Api.Http;

/// <summary>
/// The stable <c>type</c> URIs of the API's RFC 9457 problem details. Clients and scripts branch on
/// these, never on titles or messages, so a slug once published never changes meaning.
/// </summary>
public static class ProblemTypes
{
    public const string Prefix = "https://safedrop.io/problems/";

    public const string BadRequest = Prefix + "bad-request";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string NotFound = Prefix + "not-found";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string TooManyRequests = Prefix + "too-many-requests";
    public const string InternalError = Prefix + "internal-error";
    public const string Error = Prefix + "error";

    /// <summary>The tenant has no valid configuration in force (readiness).</summary>
    public const string NotReady = Prefix + "not-ready";

    /// <summary>Admin endpoints before sign-in exists: served only in local mode, to this machine.</summary>
    public const string AdminLocalOnly = Prefix + "admin-local-only";

    /// <summary>The PIN does not match the pending one; the answer says how many attempts remain.</summary>
    public const string PinInvalid = Prefix + "pin-invalid";

    /// <summary>No PIN is pending for the address: none was requested, it expired, was used, or was voided by wrong attempts.</summary>
    public const string PinExpired = Prefix + "pin-expired";

    /// <summary>The caller lacks a Security Group permission; the detail names it and says why.</summary>
    public const string PermissionMissing = Prefix + "permission-missing";

    /// <summary>The PIN or session cache cannot be reached right now.</summary>
    public const string CacheUnavailable = Prefix + "cache-unavailable";

    /// <summary>The mail relay did not take the mail right now.</summary>
    public const string MailUnavailable = Prefix + "mail-unavailable";

    /// <summary>The generic type for an HTTP status, used when an error has no more specific type.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => TooManyRequests,
        >= 500 => InternalError,
        _ => Error,
    };
}
