namespace Safedrop.Portal.Tests.Hosting;

/// <summary>The tenant the portal is tested on: one Organization and one Dropzone with tight limits.</summary>
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
            - admin@acme.example
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
        """;
}
