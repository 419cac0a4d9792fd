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

    /// <summary>The tenant's custom resources cannot be read from the Kubernetes API; retry after the Retry-After header's seconds.</summary>
    public const string ResourcesUnavailable = Prefix + "resources-unavailable";

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

    // Workspace sharing and web links (SPEC §3)
    public const string ShareInvalid = Prefix + "share-invalid";
    /// <summary>External collaborators can be given at most Modify.</summary>
    public const string ExternalRoleTooHigh = Prefix + "external-role-too-high";
    /// <summary>External sharing (shares with external addresses and web links) is off for the Workspace or the Organization.</summary>
    public const string ExternalSharingOff = Prefix + "external-sharing-off";
    /// <summary>The address belongs to another Organization on the platform: no share; the problem offers a web link instead.</summary>
    public const string CrossOrganizationAddress = Prefix + "cross-organization-address";
    /// <summary>External collaborators never share or create web links, not even for what they uploaded.</summary>
    public const string ExternalCannotShare = Prefix + "external-cannot-share";
    public const string ShareNotFound = Prefix + "share-not-found";
    /// <summary>The collaborator is declared in the Workspace's YAML: change it there, not through the API.</summary>
    public const string ShareDeclaredInYaml = Prefix + "share-declared-in-yaml";
    /// <summary>The share is not in the state the operation needs (e.g. reinvite while awaiting approval).</summary>
    public const string ShareStateConflict = Prefix + "share-state-conflict";
    /// <summary>An invitation was sent recently; Retry-After says when the next one may go.</summary>
    public const string ReinviteTooSoon = Prefix + "reinvite-too-soon";
    public const string WebLinkInvalid = Prefix + "web-link-invalid";
    /// <summary>No such web link, or the token's secret does not match (the two are not told apart).</summary>
    public const string WebLinkNotFound = Prefix + "web-link-not-found";
    /// <summary>410: the web link's expiry passed.</summary>
    public const string WebLinkExpired = Prefix + "web-link-expired";
    /// <summary>403: a CoOwner revoked the web link.</summary>
    public const string WebLinkRevoked = Prefix + "web-link-revoked";
    /// <summary>The web link's permission or folder does not cover the request (upload through ViewAndDownload, a path outside its folder).</summary>
    public const string WebLinkNotAllowed = Prefix + "web-link-not-allowed";

    // Workspaces
    public const string WorkspaceInvalid = Prefix + "workspace-invalid";
    public const string WorkspaceExists = Prefix + "workspace-exists";
    public const string WorkspaceNotFound = Prefix + "workspace-not-found";
    /// <summary>The Workspace was created but is not in force yet (the configuration has not compiled it); retry shortly.</summary>
    public const string WorkspaceNotReady = Prefix + "workspace-not-ready";
    /// <summary>Creating Workspaces needs the resource write-back, which this API instance does not have.</summary>
    public const string WorkspaceCreationUnavailable = Prefix + "workspace-creation-unavailable";
    /// <summary>The caller's role in the Workspace is below the one the operation needs (CoOwner for sharing and web links); the problem names both.</summary>
    public const string WorkspaceRoleMissing = Prefix + "workspace-role-missing";
    public const string WorkspacePathInvalid = Prefix + "workspace-path-invalid";
    public const string WorkspaceEntryNotFound = Prefix + "workspace-entry-not-found";
    /// <summary>A file or folder is in the way (same name, case-insensitively), or a folder was expected where a file is.</summary>
    public const string WorkspaceEntryConflict = Prefix + "workspace-entry-conflict";
    /// <summary>507: the upload does not fit beside what the Workspace holds; usedBytes and quotaBytes say how full it is.</summary>
    public const string WorkspaceFull = Prefix + "workspace-full";
    /// <summary>413: the file alone is larger than the Workspace's whole quota.</summary>
    public const string WorkspaceFileTooLarge = Prefix + "workspace-file-too-large";
    /// <summary>An upload without Content-Length, or whose body did not match it.</summary>
    public const string ContentLengthRequired = Prefix + "content-length-required";

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

    /// <summary>Personal Workflows are not available: the plan is not Enterprise or the Organization switches them off; <c>reason</c> says which.</summary>
    public const string PersonalWorkflowsUnavailable = Prefix + "personal-workflows-unavailable";
    public const string WorkflowNotFound = Prefix + "workflow-not-found";
    /// <summary>A workflow key cannot be removed as a device key: it lives and dies with its workflow.</summary>
    public const string WorkflowKeyNotDeletable = Prefix + "workflow-key-not-deletable";
    public const string WorkflowExists = Prefix + "workflow-exists";
    /// <summary>A workflow breaks the PersonalWorkflow schema; the <c>errors</c> extension lists each field and why. Nothing was written.</summary>
    public const string WorkflowInvalid = Prefix + "workflow-invalid";
    /// <summary>Only a workflow's owner (or an admin acting as the owner) may change it.</summary>
    public const string WorkflowNotOwner = Prefix + "workflow-not-owner";
    /// <summary>spec.owner is immutable: a workflow's identity cannot be changed; create a new workflow instead.</summary>
    public const string WorkflowOwnerImmutable = Prefix + "workflow-owner-immutable";
    /// <summary>The Safedrop-Act-As header was sent by someone who is not an admin of the Organization.</summary>
    public const string ImpersonationRefused = Prefix + "impersonation-refused";
    /// <summary>The Safedrop-Act-As header names a malformed address or one that is not a registered user of the Organization.</summary>
    public const string ImpersonationTargetInvalid = Prefix + "impersonation-target-invalid";
    /// <summary>The Safedrop-Act-As header was sent to an endpoint outside /v1/workflows, the only place impersonation works.</summary>
    public const string ImpersonationNotAllowedHere = Prefix + "impersonation-not-allowed-here";

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
