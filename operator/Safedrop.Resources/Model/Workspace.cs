using System.ComponentModel;
using k8s.Models;
using Safedrop.Resources.Schema;

namespace Safedrop.Resources.Model;

[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = KindName, PluralName = Plural)]
[Description("A shared folder space: an owner, collaborators with roles (internal and external), external sharing settings and a quota.")]
[ResourceNames("ws")]
[PrinterColumn("Owner", "string", ".spec.owner", Order = 1)]
[PrinterColumn("Collaborators", "integer", ".status.collaboratorCount", Order = 2)]
[PrinterColumn("Quota", "string", ".spec.quota", Order = 3, Priority = 1)]
public sealed class Workspace() : SafedropResource<WorkspaceSpec, WorkspaceStatus>(KindName)
{
    public const string KindName = "Workspace";
    public const string Plural = "workspaces";
}

public enum CollaboratorRole
{
    View,
    Modify,
    CoOwner,
}

public sealed class WorkspaceSpec
{
    [Description("Name shown in the portal."), Length(0, 200)]
    public string? DisplayName { get; set; }

    [Required, Description("Registered user who owns the Workspace. Must hold WorkspaceOwnership."), Pattern(Patterns.Email), Length(3, 320)]
    public string Owner { get; set; } = "";

    [Description("People the Workspace is shared with. Collaborators declared here are approved by definition; external addresses can be given at most Modify."),
     Items(0, 1000)]
    [ListMapKeys("email")]
    public List<Collaborator> Collaborators { get; set; } = [];

    [Description("Whether this Workspace may be shared with external addresses and through web links. The Organization's externalSharing switch overrides it."), Default(true)]
    public bool ExternalSharing { get; set; } = true;

    [Description("Storage quota counting every collaborator's uploads, external ones included."), Quantity, Default("10Gi")]
    public string Quota { get; set; } = "10Gi";
}

[Description("A collaborator and their role.")]
[CelRule("!has(self.external) || !self.external || self.role != 'CoOwner'",
    "an external collaborator can be given at most Modify", FieldPath = ".role")]
public sealed class Collaborator
{
    [Required, Description("E-mail address of the collaborator."), Pattern(Patterns.Email), Length(3, 320)]
    public string Email { get; set; } = "";

    [Required, Description("CoOwner also shares and manages; Modify reads and writes; View reads.")]
    public CollaboratorRole Role { get; set; } = CollaboratorRole.View;

    [Description("Optional: declares the address external, so the API server itself refuses CoOwner for it. The operator decides externality from the Organization's domains either way.")]
    public bool? External { get; set; }
}

[Description("Observed state of the Workspace.")]
public sealed class WorkspaceStatus : ResourceStatus
{
    [Description("Collaborators in force.")]
    public int? CollaboratorCount { get; set; }

    [Description("Of those, external addresses.")]
    public int? ExternalCollaboratorCount { get; set; }

    [Description("Bytes stored, as last reported by the API.")]
    public long? UsedBytes { get; set; }
}
