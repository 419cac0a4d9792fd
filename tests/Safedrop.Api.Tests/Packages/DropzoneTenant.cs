using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests.Packages;

/// <summary>An Enterprise tenant with a Dropzone that has Sender Domain Access and tight limits.</summary>
internal static class DropzoneTenant
{
    public const string Owner = "alice@acme.example";
    public const string Member = "tier2@acme.example";
    public const string Uploader = "jane@customer.example";
    public const string Colleague = "bob@customer.example";
    public const string Stranger = "eve@other.example";
    public const string Dropzone = "support";
    public const string CreatePath = "/v1/dropzones/support/packages";

    public static TenantFolder Create(bool senderDomainAccess = true, string plan = "Enterprise")
    {
        var folder = TenantFolder.Create();
        folder.Write("organization.yaml", TenantYaml.Organization(plan: plan));
        folder.Write("dropzone.yaml", $"""
            apiVersion: safedrop.io/v1alpha1
            kind: Dropzone
            metadata:
              name: {Dropzone}
              namespace: {TenantYaml.Namespace}
            spec:
              displayName: Acme support
              owner: {Owner}
              members: [{Member}]
              senderDomainAccess: {(senderDomainAccess ? "true" : "false")}
              maxFiles: 3
              maxFileSize: 12Mi
              maxPackageSize: 16Mi
              allowedExtensions: [.log, .txt, .bin]
            """);
        return folder;
    }
}
