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

    /// <summary>A folder holding the tenant YAML; the caller deletes it.</summary>
    public static string WriteFolder()
    {
        var folder = Directory.CreateTempSubdirectory("safedrop-client-tenant").FullName;
        File.WriteAllText(Path.Combine(folder, "organization.yaml"), Organization);
        File.WriteAllText(Path.Combine(folder, "dropzone.yaml"), InvoicesDropzone);
        return folder;
    }
}
