namespace Safedrop.Api.Tests.WriteBack;

/// <summary>A hand-written groups file: comments everywhere, two documents, flow and block lists, quoting.</summary>
internal static class GroupsYaml
{
    public const string FileName = "groups.yaml";

    public const string Text = """
        # Security Groups of acme. Reviewed in Git; admins also edit members through the API.
        apiVersion: safedrop.io/v1alpha1
        kind: SecurityGroup
        metadata:
          name: api-users   # who may create API keys
          namespace: acme
        spec:
          displayName: "API users"
          permissions: [ApiKeys]
          members:
            # the platform team
            - bob@acme.example   # Bob
        ---
        # Managers of the invoices Dropzone only.
        apiVersion: safedrop.io/v1alpha1
        kind: SecurityGroup
        metadata:
          name: managers
          namespace: acme
        spec:
          permissions:
            - DropzoneManager
          dropzones: [invoices]
          members:
            - carol@acme.example
        """ + "\n";

    /// <summary>The line <see cref="Text"/> holds for api-users' last member; appended members follow it.</summary>
    public const string BobLine = "    - bob@acme.example   # Bob\n";
}
