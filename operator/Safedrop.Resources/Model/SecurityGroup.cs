using System.ComponentModel;
using k8s.Models;
using Safedrop.Resources.Schema;

namespace Safedrop.Resources.Model;

[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = KindName, PluralName = Plural)]
[Description("A named set of permissions and the registered users who hold them (Business and Enterprise plans). A permission no group grants is held by every registered user, except PersonalWorkflows, which is held only through a group.")]
[ResourceNames("sg")]
[PrinterColumn("Permissions", "string", ".spec.permissions", Order = 1)]
[PrinterColumn("Members", "integer", ".status.memberCount", Order = 2)]
public sealed class SecurityGroup() : SafedropResource<SecurityGroupSpec, SecurityGroupStatus>(KindName)
{
    public const string KindName = "SecurityGroup";
    public const string Plural = "securitygroups";
}

public enum Permission
{
    WorkspaceOwnership,
    DropzoneOwnership,
    DropzoneManager,
    ApiKeys,
    TrustedDeviceKeys,
    PersonalWorkflows,
    InviteExternalUsers,
}

[CelRule("!has(self.dropzones) || size(self.dropzones) == 0 || self.permissions.exists(p, p == 'DropzoneManager')",
    "dropzones scopes the DropzoneManager permission: grant DropzoneManager or remove dropzones", FieldPath = ".dropzones")]
public sealed class SecurityGroupSpec
{
    [Description("Name shown in the console."), Length(0, 200)]
    public string? DisplayName { get; set; }

    [Required, Description("Permissions the group grants its members."), Items(1, 32), Set]
    public List<Permission> Permissions { get; set; } = [];

    [Description("Registered users in the group. Admins edit it through the API as well; those edits are written back here."),
     Items(0, 5000), Set, Pattern(Patterns.Email)]
    public List<string> Members { get; set; } = [];

    [Description("Limits DropzoneManager to these Dropzones (by name). Empty: every Dropzone of the Organization."),
     Items(0, 1000), Set, Pattern(Patterns.DnsSubdomain)]
    public List<string> Dropzones { get; set; } = [];
}

[Description("Observed state of the group.")]
public sealed class SecurityGroupStatus : ResourceStatus
{
    [Description("Members in force.")]
    public int? MemberCount { get; set; }
}
