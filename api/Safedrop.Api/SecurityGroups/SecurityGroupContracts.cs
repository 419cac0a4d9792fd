namespace Safedrop.Api.SecurityGroups;

/// <summary>A Security Group in force: what it grants, to whom, and (for DropzoneManager) on which Dropzones (empty: all).</summary>
public sealed record SecurityGroupSummary(
    string Name,
    string? DisplayName,
    IReadOnlyList<string> Permissions,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> Dropzones,
    long Generation);

/// <summary><c>members</c>: one address, or up to 50 separated by commas.</summary>
public sealed record AddMembersBody(string? Members);

/// <summary>
/// A membership change written back to the SecurityGroup resource. <see cref="Generation"/> is the
/// resource generation that carries it; the API enforces it once that generation is compiled (see
/// <c>GET /v1/admin/status</c>), normally within a second or two.
/// </summary>
public sealed record MembershipChanged(
    string Group,
    string Action,
    IReadOnlyList<string> Members,
    int MemberCount,
    bool Written,
    long? Generation,
    string? ResourceVersion,
    string RevisionInForce);
