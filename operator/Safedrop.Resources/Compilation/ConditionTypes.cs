namespace Safedrop.Resources.Compilation;

/// <summary>Condition types. Ready is on every kind; the others say which aspect failed.</summary>
public static class ConditionTypes
{
    public const string Ready = "Ready";

    /// <summary>Field-level checks of the spec that no other condition covers.</summary>
    public const string SpecValid = "SpecValid";

    // Organization
    public const string DomainsClaimed = "DomainsClaimed";
    public const string AdminsRegistered = "AdminsRegistered";
    public const string PlatformReady = "PlatformReady";

    // Dropzone, Workspace
    public const string OwnerAuthorized = "OwnerAuthorized";
    public const string SenderDomainAccess = "SenderDomainAccess";

    // Dropzone, SecurityGroup
    public const string MembersRegistered = "MembersRegistered";

    // Workspace
    public const string CollaboratorsValid = "CollaboratorsValid";

    // PersonalWorkflow
    public const string Authorized = "Authorized";
    public const string ActionsValid = "ActionsValid";
}

/// <summary>PascalCase condition reasons, stable for alerts and scripts.</summary>
public static class Reasons
{
    public const string Compiled = "Compiled";
    public const string InForce = "InForce";
    public const string Off = "Off";

    public const string PlanRestriction = "PlanRestriction";
    public const string FeatureDisabled = "FeatureDisabled";
    public const string MissingPermission = "MissingPermission";
    public const string OwnerNotRegistered = "OwnerNotRegistered";
    public const string MemberNotRegistered = "MemberNotRegistered";
    public const string AdminNotRegistered = "AdminNotRegistered";
    public const string LimitExceeded = "LimitExceeded";
    public const string InvalidRole = "InvalidRole";
    public const string DuplicateCollaborator = "DuplicateCollaborator";
    public const string ExternalSharingDisabled = "ExternalSharingDisabled";
    public const string CrossOrganizationCollaborator = "CrossOrganizationCollaborator";
    public const string DomainConflict = "DomainConflict";
    public const string InvalidDomain = "InvalidDomain";
    public const string DuplicateOrganization = "DuplicateOrganization";
    public const string OrganizationNotReady = "OrganizationNotReady";
    public const string UnknownReference = "UnknownReference";
    public const string InvalidSpec = "InvalidSpec";
    public const string InvalidAction = "InvalidAction";
    public const string OwnerImmutable = "OwnerImmutable";
}
