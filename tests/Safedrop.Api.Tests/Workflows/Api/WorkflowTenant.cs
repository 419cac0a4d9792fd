using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests.Workflows.Api;

/// <summary>An Enterprise tenant where alice and carol opted in to Personal Workflows (through a Security Group) and bob did not.</summary>
internal static class WorkflowTenant
{
    public const string Alice = "alice@acme.example";
    public const string Bob = "bob@acme.example";
    public const string Carol = "carol@acme.example";
    public const string AdminUser = TenantYaml.Admin;

    public static TenantFolder Create(string plan = "Enterprise")
    {
        var folder = TenantFolder.Create();
        folder.Write("organization.yaml", TenantYaml.Organization(plan: plan));
        folder.Write("groups.yaml", TenantYaml.SecurityGroup("automation", "PersonalWorkflows", Alice, Carol));
        return folder;
    }

    /// <summary>A workflow declared in YAML (as Git or kubectl would), created at <paramref name="createdMinute"/> past midnight.</summary>
    public static string Workflow(string name, string owner, int createdMinute = 0) => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: PersonalWorkflow
        metadata:
          name: {name}
          namespace: {TenantYaml.Namespace}
          creationTimestamp: "2025-01-01T00:{createdMinute:00}:00Z"
        spec:
          owner: {owner}
          trigger: PackageReceived
          actions:
            - email: {"{}"}

        """;

    /// <summary>A create body: an e-mail action to the owner.</summary>
    public static object Body(string name, string trigger = "PackageReceived") => new
    {
        name,
        trigger,
        filters = new { fileNamePatterns = new[] { "*.pdf" } },
        actions = new[] { new { email = new { subject = "New package" } } },
    };
}
