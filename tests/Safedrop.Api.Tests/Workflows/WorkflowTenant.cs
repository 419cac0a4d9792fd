using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Workflows;

namespace Safedrop.Api.Tests.Workflows;

/// <summary>The Dropzone tenant of the package tests, plus Personal Workflows for its owner and a bystander.</summary>
internal static class WorkflowTenant
{
    public const string Owner = Packages.DropzoneTenant.Owner;
    public const string Bystander = "carol@acme.example";
    public const string Secret = "whsec-test-0123456789";

    public static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Safedrop:Workflows:RetryBaseDelay"] = "00:00:00.010",
        ["Safedrop:Workflows:RetryMaxDelay"] = "00:00:00.050",
        ["Safedrop:Workflows:MaxAttempts"] = "4",
        ["Safedrop:Workflows:ReadWait"] = "00:00:00.200",
        ["Safedrop:Workflows:SweepGrace"] = "00:00:00",
        ["Safedrop:Workflows:KeyDestroyGrace"] = "00:00:00",
    };

    public static TenantFolder Create()
    {
        var folder = Packages.DropzoneTenant.Create();
        folder.Write("workflow-users.yaml", TenantYaml.SecurityGroup("automators", "PersonalWorkflows", Owner, Bystander));
        var secret = Path.Combine(folder.Path, "secrets", "hook", "secret");
        Directory.CreateDirectory(Path.GetDirectoryName(secret)!);
        File.WriteAllText(secret, Secret + "\n");
        return folder;
    }

    public static void AddWorkflow(TenantFolder folder, string name, string owner, string trigger, string actions, string filters = "{}") =>
        folder.Write($"workflow-{name}.yaml", $"""
            apiVersion: safedrop.io/v1alpha1
            kind: PersonalWorkflow
            metadata:
              name: {name}
              namespace: {TenantYaml.Namespace}
            spec:
              owner: {owner}
              trigger: {trigger}
              filters: {filters}
              actions:
            {actions}
            """);

    public static string Webhook(Uri url) =>
        "    - webhook:\n" +
        $"        url: {url}\n" +
        "        secretRef: { name: hook }";

    public static async Task<IReadOnlyList<WorkflowRun>> WaitForFinishedRunsAsync(LocalApi api, string workflow, int count)
    {
        var runs = api.Services.GetRequiredService<IWorkflowRuns>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var list = (await runs.ListAsync(workflow, new WorkflowRunPageRequest(50), deadline.Token)).Runs;
            if (list.Count(r => r.State is WorkflowRunState.Succeeded or WorkflowRunState.Failed) >= count) return list;
            await Task.Delay(20, deadline.Token);
        }
    }
}
