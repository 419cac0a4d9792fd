using System.ComponentModel;
using k8s.Models;
using Safedrop.Resources.Schema;

namespace Safedrop.Resources.Model;

[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = KindName, PluralName = Plural)]
[Description("A Safedrop tenant: its plan, internal e-mail domains, admins, feature switches and the platform it runs on. One per namespace.")]
[ResourceNames("org")]
[PrinterColumn("Plan", "string", ".spec.plan", Order = 1)]
[PrinterColumn("Domains", "string", ".spec.domains", Order = 2, Priority = 1)]
[PrinterColumn("Endpoint", "string", ".status.apiEndpoint", Order = 3)]
public sealed class Organization() : SafedropResource<OrganizationSpec, OrganizationStatus>(KindName)
{
    public const string KindName = "Organization";
    public const string Plural = "organizations";
}

public enum Plan
{
    Team,
    Business,
    Enterprise,
}

public sealed class OrganizationSpec
{
    [Description("Name shown in the portal and in e-mails."), Length(0, 200)]
    public string? DisplayName { get; set; }

    [Required, Description("Subscription plan. Security Groups need Business or Enterprise; Sender Domain Access and Personal Workflows need Enterprise.")]
    public Plan Plan { get; set; } = Plan.Team;

    [Required, Description("Internal e-mail domains. Addresses in these domains are registered users; everyone else is external. A domain belongs to one Organization on the platform."),
     Items(1, 100), Set, Pattern(Patterns.Domain)]
    public List<string> Domains { get; set; } = [];

    [Required, Description("Admins: registered users who manage membership, approve external shares, read the audit log and may impersonate users for Personal Workflows."),
     Items(1, 100), Set, Pattern(Patterns.Email)]
    public List<string> Admins { get; set; } = [];

    [Description("Extra personal e-mail domains, added to the built-in list (gmail.com, outlook.com, ...). Personal domains never gain access through Sender Domain Access."),
     Items(0, 1000), Set, Pattern(Patterns.Domain)]
    public List<string> PersonalDomains { get; set; } = [];

    [Description("Organization-wide feature switches: turn a feature off for the whole tenant in one line.")]
    public FeatureSwitches Features { get; set; } = new();

    [Description("E-mail PIN verification.")]
    public PinSettings Pin { get; set; } = new();

    [Description("Signed-in sessions.")]
    public SessionSettings Session { get; set; } = new();

    [Description("The platform the operator runs for this tenant.")]
    public PlatformSpec Platform { get; set; } = new();

    [Description("What happens to stored data when the Organization is deleted.")]
    public DataRetentionSpec DataRetention { get; set; } = new();
}

[Description("Feature switches. A switched-off feature is off everywhere in the tenant, whatever individual resources declare.")]
public sealed class FeatureSwitches
{
    [Description("Allow Dropzones to enable Sender Domain Access (Enterprise plan)."), Default(true)]
    public bool SenderDomainAccess { get; set; } = true;

    [Description("Allow sharing Workspaces with external addresses and creating web links."), Default(true)]
    public bool ExternalSharing { get; set; } = true;

    [Description("Allow Personal Workflows (Enterprise plan; users still need the PersonalWorkflows permission)."), Default(true)]
    public bool PersonalWorkflows { get; set; } = true;

    [Description("Allow users to create API keys (subject to the ApiKeys permission)."), Default(true)]
    public bool ApiKeys { get; set; } = true;

    [Description("Allow users to register trusted device keys (subject to the TrustedDeviceKeys permission)."), Default(true)]
    public bool TrustedDeviceKeys { get; set; } = true;
}

[Description("PIN codes e-mailed to prove control of an address.")]
public sealed class PinSettings
{
    [Description("Number of digits."), Range(6, 12), Default(8)]
    public int Length { get; set; } = 8;

    [Description("Seconds a PIN stays valid."), Range(60, 3600), Default(600)]
    public int TtlSeconds { get; set; } = 600;

    [Description("Wrong entries after which the PIN is void and a new one must be requested."), Range(1, 10), Default(5)]
    public int MaxAttempts { get; set; } = 5;
}

[Description("Session lifetimes.")]
public sealed class SessionSettings
{
    [Description("Minutes of inactivity after which a session ends."), Range(5, 1440), Default(30)]
    public int IdleTimeoutMinutes { get; set; } = 30;

    [Description("Hours after sign-in after which a session ends regardless of activity."), Range(1, 720), Default(12)]
    public int AbsoluteTimeoutHours { get; set; } = 12;
}

[Description("What happens to stored files and records when the Organization is deleted.")]
public sealed class DataRetentionSpec
{
    [Description("Retain keeps the object storage volumes or bucket and the key-encryption key; Delete removes them with the Organization."), Default("Retain")]
    public DeletionPolicy OnDelete { get; set; } = DeletionPolicy.Retain;
}

public enum DeletionPolicy
{
    Retain,
    Delete,
}

[Description("Observed state of the tenant.")]
public sealed class OrganizationStatus : ResourceStatus
{
    [Description("URL of the tenant's Safedrop API and portal.")]
    public string? ApiEndpoint { get; set; }

    [Description("Plan in force (the last valid one when the spec is not Ready).")]
    public string? EffectivePlan { get; set; }

    [Description("Counts of the tenant's resources.")]
    public ResourceCounts? Resources { get; set; }

    [Description("Content hash of the compiled configuration the API enforces.")]
    public string? ConfigRevision { get; set; }
}

[Description("Ready and total counts per kind.")]
public sealed class ResourceCounts
{
    public KindCount Dropzones { get; set; } = new();
    public KindCount SecurityGroups { get; set; } = new();
    public KindCount Workspaces { get; set; } = new();
    public KindCount PersonalWorkflows { get; set; } = new();
}

public sealed class KindCount
{
    [Description("Resources of this kind that are Ready.")]
    public int Ready { get; set; }

    [Description("All resources of this kind.")]
    public int Total { get; set; }
}
