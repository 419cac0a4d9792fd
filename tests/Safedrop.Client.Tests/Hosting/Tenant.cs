namespace Safedrop.Client.Tests.Hosting;

/// <summary>The test tenant: an Enterprise organization, a Dropzone owned by Alice with Bob as member.</summary>
internal static class Tenant
{
    public const string Alice = "alice@acme.example";
    public const string Bob = "bob@acme.example";
    public const string Mallory = "mallory@acme.example";
    public const string Carol = "carol@customer.example";
    public const string Dropzone = "invoices";

    public const string Organization = """
        apiVersion: safedrop.io/v1alpha1
        kind: Organization
        metadata:
          name: acme
          namespace: acme
        spec:
          plan: Enterprise
          domains:
            - acme.example
          admins:
            - admin@acme.example
        """;

    public const string InvoicesDropzone = $"""
        apiVersion: safedrop.io/v1alpha1
        kind: Dropzone
        metadata:
          name: {Dropzone}
          namespace: acme
        spec:
          owner: {Alice}
          members:
            - {Bob}
        """;

    /// <summary>Alice's archive Workspace and her workflow copying every Dropzone upload into it (she may run workflows).</summary>
    public const string ArchiveWorkflow = $"""
        apiVersion: safedrop.io/v1alpha1
        kind: SecurityGroup
        metadata:
          name: automators
          namespace: acme
        spec:
          permissions: [PersonalWorkflows]
          members: [{Alice}]
        ---
        apiVersion: safedrop.io/v1alpha1
        kind: Workspace
        metadata:
          name: archive
          namespace: acme
        spec:
          owner: {Alice}
        ---
        apiVersion: safedrop.io/v1alpha1
        kind: PersonalWorkflow
        metadata:
          name: archive-uploads
          namespace: acme
        spec:
          owner: {Alice}
          trigger: DropzoneUploadReceived
          actions:
            - copyToWorkspace:
                workspace: archive
                folder: /uploads
        """;

    /// <summary>A folder holding the tenant YAML; the caller deletes it.</summary>
    public static string WriteFolder(string? extraYaml = null)
    {
        var folder = Directory.CreateTempSubdirectory("safedrop-client-tenant").FullName;
        File.WriteAllText(Path.Combine(folder, "organization.yaml"), Organization);
        File.WriteAllText(Path.Combine(folder, "dropzone.yaml"), InvoicesDropzone);
        if (extraYaml is not null) File.WriteAllText(Path.Combine(folder, "extra.yaml"), extraYaml);
        return folder;
    }
}
