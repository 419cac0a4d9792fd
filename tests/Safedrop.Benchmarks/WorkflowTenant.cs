using System.Globalization;
using System.Text;

namespace Safedrop.Benchmarks;

/// <summary>
/// The `workflows` tenant, added to <see cref="LocalApi"/>'s Enterprise Organization: one Security Group granting
/// PersonalWorkflows to every user, one Dropzone per user, and <see cref="PerUser"/> PersonalWorkflows per user, all on
/// DropzoneUploadReceived with a webhook to the receiver. Each workflow of a user narrows on its own file-name suffix,
/// so one upload runs exactly one workflow (one delivery per event) while the matcher still weighs all of them.
/// </summary>
internal static class WorkflowTenant
{
    public const int PerUser = 5;
    public const string SecretName = "bench-hook";

    public static string User(int user) => string.Create(CultureInfo.InvariantCulture, $"user{user:0000}@bench.example");

    public static string Dropzone(int user) => string.Create(CultureInfo.InvariantCulture, $"inbox-{user:0000}");

    /// <summary>The file name that only workflow <paramref name="workflow"/> of the Dropzone's owner admits.</summary>
    public static string FileName(int eventNumber, int workflow) => string.Create(CultureInfo.InvariantCulture, $"event-{eventNumber}-w{workflow}.txt");

    /// <returns>Tenant folder files by relative path: the manifests and the webhook secret.</returns>
    public static Dictionary<string, string> Files(int users, Uri receiver, string secret)
    {
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: safedrop.io/v1alpha1
            kind: SecurityGroup
            metadata:
              name: automators
              namespace: bench
            spec:
              permissions: [PersonalWorkflows]
              members:

            """);
        for (var u = 0; u < users; u++) yaml.Append(CultureInfo.InvariantCulture, $"    - {User(u)}\n");
        for (var u = 0; u < users; u++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                ---
                apiVersion: safedrop.io/v1alpha1
                kind: Dropzone
                metadata:
                  name: {Dropzone(u)}
                  namespace: bench
                spec:
                  owner: {User(u)}

                """);
            for (var w = 0; w < PerUser; w++)
            {
                yaml.Append(CultureInfo.InvariantCulture, $$"""
                    ---
                    apiVersion: safedrop.io/v1alpha1
                    kind: PersonalWorkflow
                    metadata:
                      name: wf-{{u:0000}}-{{w}}
                      namespace: bench
                    spec:
                      owner: {{User(u)}}
                      trigger: DropzoneUploadReceived
                      filters:
                        fileNamePatterns: ["*-w{{w}}.txt"]
                      actions:
                        - webhook:
                            url: {{receiver}}
                            secretRef: { name: {{SecretName}} }

                    """);
            }
        }

        return new Dictionary<string, string>
        {
            ["workflows.yaml"] = yaml.ToString(),
            [Path.Combine("secrets", SecretName, "secret")] = secret + "\n",
        };
    }
}
