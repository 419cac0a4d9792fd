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

    // Packages and Dropzones
    public const string InvalidPackage = Prefix + "invalid-package";
    public const string FileTooLarge = Prefix + "file-too-large";
    public const string PackageTooLarge = Prefix + "package-too-large";
    public const string TooManyFiles = Prefix + "too-many-files";
    public const string FileTypeNotAllowed = Prefix + "file-type-not-allowed";
    public const string PackageNotFound = Prefix + "package-not-found";
    public const string DropzoneNotFound = Prefix + "dropzone-not-found";
    public const string SenderNotRegistered = Prefix + "sender-not-registered";
    public const string AccessDenied = Prefix + "access-denied";
    public const string KeycodeProofFailed = Prefix + "keycode-proof-failed";
    public const string UploadIncomplete = Prefix + "upload-incomplete";
    public const string PackageNotPending = Prefix + "package-not-pending";
    public const string NotSender = Prefix + "not-sender";

    /// <summary>A filter or cursor of the audit query is not valid.</summary>
    public const string AuditQueryInvalid = Prefix + "audit-query-invalid";

    /// <summary>The audit log's storage (or its append lock) cannot be reached now; retry later.</summary>
    public const string AuditLogUnavailable = Prefix + "audit-log-unavailable";

    /// <summary>Object storage cannot be reached; retry after the Retry-After header's seconds.</summary>
    public const string StorageUnavailable = Prefix + "storage-unavailable";

    /// <summary>The PIN or session cache cannot be reached; retry after the Retry-After header's seconds.</summary>
    public const string CacheUnavailable = Prefix + "cache-unavailable";

    /// <summary>A transfer URL's grant is malformed, tampered with, expired, or for the other direction.</summary>
    public const string TransferGrantInvalid = Prefix + "transfer-grant-invalid";

    /// <summary>An upload's Content-Length is missing or differs from the length its grant allows.</summary>
    public const string TransferLengthMismatch = Prefix + "transfer-length-mismatch";

    /// <summary>The PIN does not match the pending one; the answer says how many attempts remain.</summary>
    public const string PinInvalid = Prefix + "pin-invalid";

    /// <summary>No PIN is pending for the address: none was requested, it expired, was used, or was voided by wrong attempts.</summary>
    public const string PinExpired = Prefix + "pin-expired";

    /// <summary>The caller lacks a Security Group permission; the detail names it and says why.</summary>
    public const string PermissionMissing = Prefix + "permission-missing";

    /// <summary>The mail relay did not take the mail right now.</summary>
    public const string MailUnavailable = Prefix + "mail-unavailable";

    /// <summary>Security Groups are a Business and Enterprise feature; this Organization's plan does not include them.</summary>
    public const string SecurityGroupsUnavailable = Prefix + "security-groups-unavailable";

    /// <summary>No Security Group of that name is in force.</summary>
    public const string SecurityGroupNotFound = Prefix + "security-group-not-found";

    /// <summary>A member list was refused as a whole; the <c>errors</c> extension lists every bad entry and why.</summary>
    public const string InvalidMembers = Prefix + "invalid-members";

    /// <summary>The address to remove is not a member.</summary>
    public const string MemberNotFound = Prefix + "member-not-found";

    /// <summary>A Dropzone edit breaks the Dropzone's schema; the <c>errors</c> extension lists each field and why.</summary>
    public const string InvalidDropzoneSettings = Prefix + "invalid-dropzone-settings";

    /// <summary>The resource kept changing while the API wrote it back; nothing of this request was written, retry.</summary>
    public const string WriteBackConflict = Prefix + "write-back-conflict";

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
