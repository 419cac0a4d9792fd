namespace Safedrop.Api.Identity;

public sealed record PinRequestBody(string? Email);

public sealed record PinRequestAccepted(int ExpiresInSeconds);

public sealed record PinVerifyBody(string? Email, string? Pin);

/// <summary>The session token, shown once (also set as the <c>safedrop_session</c> cookie).</summary>
public sealed record SignedInResponse(string Token, string Email, DateTimeOffset ExpiresAt);

public sealed record MeResponse(string Email, bool Registered, bool Admin, string? Organization, IReadOnlyList<PermissionState> Permissions);

/// <param name="Basis">Why, as a stable word: Unrestricted, GrantedByGroups, NotInGrantingGroup, OptInRequired, NotRegistered, FeatureUnavailable.</param>
/// <param name="Groups">The Security Groups that grant the permission (and, when held through them, the caller's).</param>
public sealed record PermissionState(string Permission, bool Held, string Reason, string Basis, IReadOnlyList<string> Groups);

public sealed record CreateApiKeyBody(string? Name);

/// <summary>A new API key; <see cref="Secret"/> (the whole token) is shown this once.</summary>
public sealed record CreatedApiKey(string Id, string Name, string Secret, DateTimeOffset CreatedAt);

public sealed record ApiKeySummary(string Id, string Name, DateTimeOffset CreatedAt);

public sealed record RegisterDeviceKeyBody(string? Name, string? PublicKey);

/// <param name="Workflow">Set for a workflow key: the PersonalWorkflow that reads packages wrapped for it (made and destroyed with the workflow, not deletable here).</param>
public sealed record DeviceKeyResponse(string Id, string Name, string PublicKey, DateTimeOffset CreatedAt, string? Workflow = null);

public sealed record RecipientDeviceKeys(string Email, IReadOnlyList<RecipientDeviceKey> Keys);

public sealed record RecipientDeviceKey(string Id, string PublicKey);
