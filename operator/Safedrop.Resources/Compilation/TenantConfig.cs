using System.Text.Json.Serialization;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Resources.Compilation;

/// <summary>
/// The compiled configuration of one tenant: what the API enforces. It holds only resources in
/// force (Ready ones, and the last valid form of those that are not), with every address
/// normalised and every plan and feature switch already applied. Serialised as JSON into the
/// snapshot ConfigMap, so a restarted operator still knows each resource's last valid form.
/// </summary>
public sealed record TenantConfig
{
    public required string Namespace { get; init; }

    /// <summary>Null when no valid Organization was ever compiled: the tenant serves nobody.</summary>
    public CompiledOrganization? Organization { get; init; }

    public IReadOnlyDictionary<string, CompiledDropzone> Dropzones { get; init; } = new Dictionary<string, CompiledDropzone>();
    public IReadOnlyDictionary<string, CompiledSecurityGroup> SecurityGroups { get; init; } = new Dictionary<string, CompiledSecurityGroup>();
    public IReadOnlyDictionary<string, CompiledWorkspace> Workspaces { get; init; } = new Dictionary<string, CompiledWorkspace>();
    public IReadOnlyDictionary<string, CompiledWorkflow> Workflows { get; init; } = new Dictionary<string, CompiledWorkflow>();

    /// <summary>Who holds which permission and why.</summary>
    public PermissionTable Permissions { get; init; } = PermissionTable.Empty;

    /// <summary>Other Organizations on the platform, by domain, to recognise cross-organization shares.</summary>
    public IReadOnlyDictionary<string, string> ForeignDomains { get; init; } = new Dictionary<string, string>();

    /// <summary>Content hash of everything above; equal configs have equal revisions.</summary>
    public string Revision { get; init; } = "";

    public static TenantConfig Empty(string @namespace) => new() { Namespace = @namespace };

    public bool IsRegistered(EmailAddress address) => Organization?.Domains.Contains(address.Domain) == true;

    public bool IsAdmin(EmailAddress address) => Organization?.Admins.Contains(address.Value) == true;

    /// <summary>The other Organization an external address belongs to, if any.</summary>
    public string? ForeignOrganizationOf(EmailAddress address) => ForeignDomains.GetValueOrDefault(address.Domain);

    public PermissionDecision Resolve(EmailAddress address, Permission permission) =>
        Permissions.Resolve(address, permission, IsRegistered(address));
}

public sealed record CompiledOrganization
{
    public required string Name { get; init; }
    public long Generation { get; init; }
    public string? DisplayName { get; init; }
    public Plan Plan { get; init; }
    /// <summary>Normalised internal domains.</summary>
    public required IReadOnlySet<string> Domains { get; init; }
    /// <summary>Normalised admin addresses.</summary>
    public required IReadOnlySet<string> Admins { get; init; }
    /// <summary>The built-in personal domains plus the Organization's additions, normalised.</summary>
    public required IReadOnlySet<string> PersonalDomains { get; init; }
    public required EffectiveFeatures Features { get; init; }
    public required PinSettings Pin { get; init; }
    public required SessionSettings Session { get; init; }
    public required PlatformSpec Platform { get; init; }
    public DeletionPolicy OnDelete { get; init; }
}

/// <summary>Features in force: declared switches combined with what the plan allows.</summary>
public sealed record EffectiveFeatures
{
    public bool SecurityGroups { get; init; }
    public bool SenderDomainAccess { get; init; }
    public bool ExternalSharing { get; init; }
    public bool PersonalWorkflows { get; init; }
    public bool ApiKeys { get; init; }
    public bool TrustedDeviceKeys { get; init; }
}

public sealed record CompiledDropzone
{
    public required string Name { get; init; }
    public long Generation { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public required string Owner { get; init; }
    public required IReadOnlySet<string> Members { get; init; }
    /// <summary>In force: declared, allowed by the plan and not switched off by the Organization.</summary>
    public bool SenderDomainAccess { get; init; }
    /// <summary>The Dropzone's own extra personal domains (the Organization's list applies too).</summary>
    public required IReadOnlySet<string> PersonalDomains { get; init; }
    public int RetentionDays { get; init; }
    public long MaxFileSizeBytes { get; init; }
    public long MaxPackageSizeBytes { get; init; }
    public int MaxFiles { get; init; }
    public required IReadOnlyList<string> AllowedExtensions { get; init; }
}

public sealed record CompiledSecurityGroup
{
    public required string Name { get; init; }
    public long Generation { get; init; }
    public string? DisplayName { get; init; }
    public required IReadOnlySet<Permission> Permissions { get; init; }
    public required IReadOnlySet<string> Members { get; init; }
    /// <summary>Dropzones the group's DropzoneManager permission is limited to; empty means all.</summary>
    public required IReadOnlySet<string> Dropzones { get; init; }
}

public sealed record CompiledWorkspace
{
    public required string Name { get; init; }
    public long Generation { get; init; }
    public string? DisplayName { get; init; }
    public required string Owner { get; init; }
    public required IReadOnlyList<CompiledCollaborator> Collaborators { get; init; }
    /// <summary>In force: the Workspace's setting and the Organization's switch.</summary>
    public bool ExternalSharing { get; init; }
    public long QuotaBytes { get; init; }
}

public sealed record CompiledCollaborator(string Email, CollaboratorRole Role, bool External);

public sealed record CompiledWorkflow
{
    public required string Name { get; init; }
    public long Generation { get; init; }
    public required string Owner { get; init; }
    public bool Enabled { get; init; }
    public WorkflowTrigger Trigger { get; init; }
    public required WorkflowFilters Filters { get; init; }
    public required IReadOnlyList<WorkflowAction> Actions { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Why a permission is or is not held.</summary>
public sealed record PermissionDecision(bool Held, PermissionBasis Basis, IReadOnlyList<string> Groups)
{
    [JsonIgnore]
    public string Explanation => Basis switch
    {
        PermissionBasis.Unrestricted => "held by every registered user: no Security Group grants it",
        PermissionBasis.GrantedByGroups => "granted by " + string.Join(", ", Groups),
        PermissionBasis.NotInGrantingGroup => "restricted to members of " + string.Join(", ", Groups),
        PermissionBasis.OptInRequired => "opt-in: held only through a Security Group, and none includes this user",
        PermissionBasis.NotRegistered => "only registered users of the Organization hold permissions",
        PermissionBasis.FeatureUnavailable => "not available: the plan or an Organization switch turns it off",
        _ => Basis.ToString(),
    };
}

public enum PermissionBasis
{
    Unrestricted,
    GrantedByGroups,
    NotInGrantingGroup,
    OptInRequired,
    NotRegistered,
    FeatureUnavailable,
}
