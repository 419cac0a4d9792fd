using System.ComponentModel;
using k8s.Models;
using Safedrop.Resources.Schema;

namespace Safedrop.Resources.Model;

[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = KindName, PluralName = Plural)]
[Description("A user's own automation (Enterprise plan, opt-in through the PersonalWorkflows permission, at most 5 per owner). It only ever sees events about items its owner owns.")]
[ResourceNames("pwf")]
[PrinterColumn("Owner", "string", ".spec.owner", Order = 1)]
[PrinterColumn("Trigger", "string", ".spec.trigger", Order = 2)]
[PrinterColumn("Enabled", "boolean", ".spec.enabled", Order = 3)]
[PrinterColumn("Runs", "integer", ".status.runs.total", Order = 4, Priority = 1)]
public sealed class PersonalWorkflow() : SafedropResource<PersonalWorkflowSpec, PersonalWorkflowStatus>(KindName)
{
    public const string KindName = "PersonalWorkflow";
    public const string Plural = "personalworkflows";
}

public enum WorkflowTrigger
{
    PackageReceived,
    PackageSent,
    TransferCompleted,
    DropzoneUploadReceived,
    WorkspaceFileUploaded,
}

public sealed class PersonalWorkflowSpec
{
    [Required, Description("The workflow's identity: the registered user whose events it sees and as whom it acts. Cannot be changed; create a new workflow instead."),
     Pattern(Patterns.Email), Length(3, 320)]
    [CelRule("self == oldSelf", "spec.owner is immutable: a workflow's identity cannot be changed; create a new workflow for another owner")]
    public string Owner { get; set; } = "";

    [Description("What the workflow does, in a sentence."), Length(0, 500)]
    public string? Description { get; set; }

    [Description("Disabled workflows keep their slot and history but do not run."), Default(true)]
    public bool Enabled { get; set; } = true;

    [Required, Description("The event that starts a run.")]
    public WorkflowTrigger Trigger { get; set; } = WorkflowTrigger.PackageReceived;

    [Description("Narrow the events further. The fixed filter PackageOwnerId == owner always applies first; these can only narrow it.")]
    public WorkflowFilters Filters { get; set; } = new();

    [Required, Description("Actions run in order for each matching event."), Items(1, 10)]
    public List<WorkflowAction> Actions { get; set; } = [];
}

[Description("Optional filters; all given ones must match.")]
public sealed class WorkflowFilters
{
    [Description("Only events from these Dropzones (by name)."), Items(0, 100), Set, Pattern(Patterns.DnsSubdomain)]
    public List<string> Dropzones { get; set; } = [];

    [Description("Only events from these Workspaces (by name)."), Items(0, 100), Set, Pattern(Patterns.DnsSubdomain)]
    public List<string> Workspaces { get; set; } = [];

    [Description("Only events whose sender's e-mail domain is one of these."), Items(0, 100), Set, Pattern(Patterns.Domain)]
    public List<string> SenderDomains { get; set; } = [];

    [Description("Only events with at least one file whose name matches one of these glob patterns (* and ?), for example *.pdf."),
     Items(0, 50), Set, Length(1, 256)]
    public List<string> FileNamePatterns { get; set; } = [];
}

[Description("One action: exactly one of webhook, copyToWorkspace or email.")]
[CelRule("(has(self.webhook) ? 1 : 0) + (has(self.copyToWorkspace) ? 1 : 0) + (has(self.email) ? 1 : 0) == 1",
    "each action sets exactly one of webhook, copyToWorkspace or email")]
public sealed class WorkflowAction
{
    [Description("POST the event as JSON, signed with HMAC-SHA256.")]
    public WebhookAction? Webhook { get; set; }

    [Description("Copy the package's files into a Workspace folder the owner can modify.")]
    public CopyToWorkspaceAction? CopyToWorkspace { get; set; }

    [Description("Send an e-mail notification.")]
    public EmailAction? Email { get; set; }
}

public sealed class WebhookAction
{
    [Required, Description("HTTPS endpoint (plain HTTP only to localhost)."), Format("uri"), Pattern("^https?://"), Length(8, 2048)]
    public string Url { get; set; } = "";

    [Required, Description("Secret holding the HMAC key (key defaults to 'secret'). Receivers verify the Safedrop-Signature and Safedrop-Timestamp headers (docs/webhooks.md).")]
    public SecretKeyReference SecretRef { get; set; } = new();
}

public sealed class CopyToWorkspaceAction
{
    [Required, Description("Workspace name in this namespace."), Pattern(Patterns.DnsSubdomain), Length(1, 253)]
    public string Workspace { get; set; } = "";

    [Description("Folder inside the Workspace, created when missing."), Pattern(Patterns.FolderPath), Length(1, 1024), Default("/")]
    public string Folder { get; set; } = "/";
}

public sealed class EmailAction
{
    [Description("Recipients; the owner when empty. Only registered users of the Organization."), Items(0, 20), Set, Pattern(Patterns.Email)]
    public List<string> To { get; set; } = [];

    [Description("Subject line; a default describing the event when omitted."), Length(0, 200)]
    public string? Subject { get; set; }
}

[Description("Observed state of the workflow: conditions from the operator; runs and lastRun from the API, which patches them after finished runs (at most every few seconds per workflow) under its own field manager.")]
public sealed class PersonalWorkflowStatus : ResourceStatus
{
    [Description("Finished runs, as last reported by the API.")]
    public WorkflowRunCounts? Runs { get; set; }

    [Description("The most recent finished run, as last reported by the API.")]
    public WorkflowRunSummary? LastRun { get; set; }
}

public sealed class WorkflowRunCounts
{
    [Description("Succeeded plus failed.")]
    public long Total { get; set; }

    public long Succeeded { get; set; }

    public long Failed { get; set; }
}

public sealed class WorkflowRunSummary
{
    [Description("Run id, for the API's run history.")]
    public string? Id { get; set; }

    [Description("Succeeded or Failed.")]
    public string? State { get; set; }

    [Format("date-time")]
    public DateTimeOffset? StartedAt { get; set; }

    [Format("date-time")]
    public DateTimeOffset? FinishedAt { get; set; }
}
