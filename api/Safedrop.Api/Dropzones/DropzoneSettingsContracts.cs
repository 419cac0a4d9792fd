namespace Safedrop.Api.Dropzones;

/// <summary>
/// A partial edit of a Dropzone: only the fields sent change. An empty displayName or description clears it.
/// Members are added and removed as comma-separated lists, checked like Security Group members.
/// </summary>
public sealed record DropzoneSettingsPatch(
    string? DisplayName,
    string? Description,
    DropzoneMembersPatch? Members,
    bool? SenderDomainAccess,
    int? RetentionDays,
    DropzoneLimitsPatch? Limits);

public sealed record DropzoneMembersPatch(string? Add, string? Remove);

/// <summary>Sizes as Kubernetes quantities (for example 2Gi); allowedExtensions replaces the list (empty: any type).</summary>
public sealed record DropzoneLimitsPatch(string? MaxFileSize, string? MaxPackageSize, int? MaxFiles, IReadOnlyList<string>? AllowedExtensions);

/// <summary>A field the Dropzone's schema refuses, in the API server's words.</summary>
public sealed record DropzoneFieldError(string Field, string Reason, string Message);

/// <summary>
/// What an edit wrote back to the Dropzone resource: the fields it changed, the members now, and the
/// generation that carries the change (enforced once compiled).
/// </summary>
public sealed record DropzoneSettingsChanged(
    string Name,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Members,
    bool Written,
    long? Generation,
    string? ResourceVersion);
