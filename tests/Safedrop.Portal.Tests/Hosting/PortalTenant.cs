namespace Safedrop.Portal.Tests.Hosting;

/// <summary>
/// The tenant the portal is tested on: Organization acme with one Dropzone with tight limits, two Workspaces
/// (one roomy with declared collaborators, one with a tiny quota), Security Groups (InviteExternalUsers for the
/// Workspace owner only; groups granting PersonalWorkflows to paula, and to bea), a Dropzone paula owns (for her workflows' runs), and a second Organization, globex, in another
/// namespace of the same folder, whose addresses therefore belong to another Organization on this platform.
/// </summary>
public static class PortalTenant
{
    public const string Namespace = "acme";
    public const string Organization = "Acme Corp";
    public const string Dropzone = "invoices";
    public const string DropzoneTitle = "Invoices for Acme";

    /// <summary>Owns the Dropzone, so reads every upload to it.</summary>
    public const string Owner = "alice@acme.example";

    /// <summary>Neither owner nor member, and the Dropzone has no Sender Domain Access: may read nothing.</summary>
    public const string Outsider = "mallory@elsewhere.example";

    public const string Admin = "admin@acme.example";

    public const string Workspace = "projects";
    public const string WorkspaceTitle = "Project Apollo";

    /// <summary>Owner of the Workspaces (the Dropzone owner too); the only holder of InviteExternalUsers.</summary>
    public const string WorkspaceOwner = Owner;

    /// <summary>CoOwner declared in YAML, without InviteExternalUsers: their external shares wait for an admin.</summary>
    public const string CoOwner = "carol@acme.example";

    /// <summary>View collaborator declared in YAML.</summary>
    public const string Viewer = "victor@acme.example";

    /// <summary>A Workspace with a 1 MiB quota, to show the quota problems.</summary>
    public const string TinyWorkspace = "tiny";

    public const string ForeignNamespace = "globex";
    public const string ForeignUser = "bob@globex.example";

    public const string InvitersGroup = "inviters";
    public const string PilotsGroup = "workflow-pilots";
    public const string Pilot = "paula@acme.example";

    /// <summary>
    /// A second holder of PersonalWorkflows, in a group of her own, who fills her five slots and one more: the pilot's
    /// workflows come and go with the other flows, so the limit is shown on someone else.
    /// </summary>
    public const string BusyPilot = "bea@acme.example";
    public const string BusyPilotsGroup = "workflow-limit";

    /// <summary>A Dropzone the pilot owns, so that an upload to it starts her DropzoneUploadReceived workflows.</summary>
    public const string PilotDropzone = "paula-inbox";

    /// <summary>A Workspace the pilot owns, for her workflows' copy action.</summary>
    public const string PilotWorkspace = "paula-files";

    public const int MaxFiles = 3;
    public static readonly string[] AllowedExtensions = [".pdf", ".txt"];

    /// <summary>An external sender per test, so that one test's packages never show in another's boxes.</summary>
    public static string NewSender() => $"sender-{Guid.NewGuid():N}"[..15] + "@partner.example";

    public static string OrganizationYaml() => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: Organization
        metadata:
          name: acme
          namespace: {Namespace}
        spec:
          displayName: {Organization}
          plan: Enterprise
          domains:
            - acme.example
          admins:
            - {Admin}
          features:
            externalSharing: true
        """;

    public static string ForeignOrganizationYaml() => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: Organization
        metadata:
          name: globex
          namespace: {ForeignNamespace}
        spec:
          displayName: Globex
          plan: Enterprise
          domains:
            - globex.example
          admins:
            - admin@globex.example
        """;

    public static string WorkspacesYaml() => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: Workspace
        metadata:
          name: {Workspace}
          namespace: {Namespace}
        spec:
          displayName: {WorkspaceTitle}
          owner: {WorkspaceOwner}
          quota: 1Gi
          externalSharing: true
          collaborators:
            - email: {CoOwner}
              role: CoOwner
            - email: {Viewer}
              role: View
        ---
        apiVersion: safedrop.io/v1alpha1
        kind: Workspace
        metadata:
          name: {TinyWorkspace}
          namespace: {Namespace}
        spec:
          owner: {WorkspaceOwner}
          quota: 1Mi
        ---
        apiVersion: safedrop.io/v1alpha1
        kind: Workspace
        metadata:
          name: {PilotWorkspace}
          namespace: {Namespace}
        spec:
          owner: {Pilot}
          quota: 1Gi
        """;

    public static string SecurityGroupsYaml() => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: SecurityGroup
        metadata:
          name: {InvitersGroup}
          namespace: {Namespace}
        spec:
          displayName: External inviters
          permissions:
            - InviteExternalUsers
          members:
            - {WorkspaceOwner}
        ---
        apiVersion: safedrop.io/v1alpha1
        kind: SecurityGroup
        metadata:
          name: {PilotsGroup}
          namespace: {Namespace}
        spec:
          displayName: Workflow pilots
          permissions:
            - PersonalWorkflows
          members:
            - {Pilot}
        ---
        apiVersion: safedrop.io/v1alpha1
        kind: SecurityGroup
        metadata:
          name: {BusyPilotsGroup}
          namespace: {Namespace}
        spec:
          displayName: Workflow limit
          permissions:
            - PersonalWorkflows
          members:
            - {BusyPilot}
        """;

    public static string DropzoneYaml() => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: Dropzone
        metadata:
          name: {Dropzone}
          namespace: {Namespace}
        spec:
          displayName: {DropzoneTitle}
          description: Send us your invoices and receipts.
          owner: {Owner}
          maxFiles: {MaxFiles}
          maxFileSize: 16Mi
          maxPackageSize: 32Mi
          allowedExtensions: [{string.Join(", ", AllowedExtensions)}]
        ---
        apiVersion: safedrop.io/v1alpha1
        kind: Dropzone
        metadata:
          name: {PilotDropzone}
          namespace: {Namespace}
        spec:
          displayName: Paula's inbox
          owner: {Pilot}
          maxFiles: {MaxFiles}
          maxFileSize: 16Mi
          maxPackageSize: 32Mi
          allowedExtensions: [{string.Join(", ", AllowedExtensions)}]
        """;
}
