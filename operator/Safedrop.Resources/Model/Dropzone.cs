using System.ComponentModel;
using k8s.Models;
using Safedrop.Resources.Schema;

namespace Safedrop.Resources.Model;

[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = KindName, PluralName = Plural)]
[Description("An upload point for external people: they prove their e-mail by PIN and upload packages that the owner and members receive.")]
[ResourceNames("dz")]
[PrinterColumn("Owner", "string", ".spec.owner", Order = 1)]
[PrinterColumn("SenderDomainAccess", "boolean", ".status.senderDomainAccess", Order = 2)]
[PrinterColumn("URL", "string", ".status.uploadUrl", Order = 3, Priority = 1)]
public sealed class Dropzone() : SafedropResource<DropzoneSpec, DropzoneStatus>(KindName)
{
    public const string KindName = "Dropzone";
    public const string Plural = "dropzones";
}

public sealed class DropzoneSpec
{
    [Description("Name shown on the upload page."), Length(0, 200)]
    public string? DisplayName { get; set; }

    [Description("Text shown on the upload page."), Length(0, 2000)]
    public string? Description { get; set; }

    [Required, Description("Registered user who owns the Dropzone. Must hold DropzoneOwnership."), Pattern(Patterns.Email), Length(3, 320)]
    public string Owner { get; set; } = "";

    [Description("Registered users who receive and can read every upload, besides the owner."), Items(0, 500), Set, Pattern(Patterns.Email)]
    public List<string> Members { get; set; } = [];

    [Description("Let external users whose e-mail domain equals the sender's read the sender's uploads (Enterprise plan). Personal e-mail domains never qualify. Off by default."),
     Default(false)]
    public bool SenderDomainAccess { get; set; }

    [Description("Extra personal e-mail domains for this Dropzone, added to the built-in list and the Organization's."), Items(0, 1000), Set, Pattern(Patterns.Domain)]
    public List<string> PersonalDomains { get; set; } = [];

    [Description("Days an upload is kept before it is deleted."), Range(1, 3650), Default(30)]
    public int RetentionDays { get; set; } = 30;

    [Description("Largest single file, for example 2Gi."), Quantity, Default("2Gi")]
    public string MaxFileSize { get; set; } = "2Gi";

    [Description("Largest upload (all files of one package together)."), Quantity, Default("10Gi")]
    public string MaxPackageSize { get; set; } = "10Gi";

    [Description("Most files in one upload."), Range(1, 1000), Default(100)]
    public int MaxFiles { get; set; } = 100;

    [Description("When set, only files with these extensions (for example .pdf) are accepted."), Items(0, 100), Set, Pattern("^\\.[A-Za-z0-9]{1,16}$")]
    public List<string> AllowedExtensions { get; set; } = [];
}

[Description("Observed state of the Dropzone.")]
public sealed class DropzoneStatus : ResourceStatus
{
    [Description("Whether Sender Domain Access is in force (declared, allowed by the plan and not switched off by the Organization).")]
    public bool? SenderDomainAccess { get; set; }

    [Description("URL of the Dropzone's upload page.")]
    public string? UploadUrl { get; set; }

    [Description("Registered recipients: the owner and the members.")]
    public int? RecipientCount { get; set; }
}
