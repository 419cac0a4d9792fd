using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.Workflows;
using Safedrop.Api.Workflows.Status;
using Safedrop.Api.WriteBack;
using Safedrop.Resources.Model;
using Safedrop.Testing;

namespace Safedrop.Api.Tests.Workflows.Status;

/// <summary>Cluster mode's run figures: a merge patch of the PersonalWorkflow's status subresource, one per workflow per flush.</summary>
public sealed class KubernetesWorkflowStatusWriterTests() : KubeClusterTest("wfstatus")
{
    /// <summary>The API's Role (operator/Safedrop.Operator/Platform/ApiRbacBuilder.cs) as far as workflow status goes.</summary>
    private static readonly V1PolicyRule[] ApiRoleRules =
    [
        new() { ApiGroups = ["safedrop.io"], Resources = ["personalworkflows"], Verbs = ["get", "list", "watch", "patch", "update", "create", "delete"] },
        new() { ApiGroups = ["safedrop.io"], Resources = ["personalworkflows/status"], Verbs = ["get", "patch"] },
    ];

    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task Should_Add_The_Runs_To_The_Status_And_Keep_The_Operators_Conditions_When_Flushed()
    {
        await CreateWorkflowAsync("notify");
        // The operator's status write, and figures an earlier flush (maybe of another replica) left.
        await PatchStatusAsync("notify", new
        {
            status = new
            {
                observedGeneration = 1,
                conditions = new[] { new { type = "Ready", status = "True", reason = "Ready", message = "in force", lastTransitionTime = T0 } },
                runs = new { total = 1, succeeded = 1, failed = 0 },
            },
        }, "safedrop-operator");
        IKubernetes client = Cluster.IsReal ? Cluster.Client : new Kubernetes(Cluster.Fake!.AddRestrictedUser("system:serviceaccount:acme:safedrop-acme-api", ApiRoleRules));
        using var owned = client as IDisposable;
        var writer = Writer(client);

        writer.Report(Run("notify", "r1", WorkflowRunState.Succeeded, 1));
        writer.Report(Run("notify", "r3", WorkflowRunState.Failed, 3));
        writer.Report(Run("notify", "r2", WorkflowRunState.Succeeded, 2));
        writer.Report(Run("notify", "r4", WorkflowRunState.Running, 4));

        Assert.Equal(1, await writer.FlushAsync(Ct));

        var stored = await GetAsync("notify");
        Assert.Equal((4L, 3L, 1L), (stored.Status.Runs!.Total, stored.Status.Runs.Succeeded, stored.Status.Runs.Failed));
        Assert.Equal(("r3", "Failed", T0.AddMinutes(3)), (stored.Status.LastRun!.Id, stored.Status.LastRun.State, stored.Status.LastRun.FinishedAt));
        Assert.Equal("Ready", Assert.Single(stored.Status.Conditions).Type);
        Assert.Equal(1, stored.Status.ObservedGeneration);
        Assert.Contains(stored.Metadata.ManagedFields ?? [], f => f.Manager == KubernetesWorkflowStatusWriter.FieldManager && f.Subresource == "status");
    }

    [Fact]
    public async Task Should_Write_Once_Per_Workflow_With_The_Latest_Figures_When_Many_Runs_Finish_Between_Flushes()
    {
        await CreateWorkflowAsync("notify");
        await CreateWorkflowAsync("archive");
        var writer = Writer(Cluster.Client);
        for (var i = 1; i <= 50; i++) writer.Report(Run("notify", $"n{i:D3}", WorkflowRunState.Succeeded, i));
        writer.Report(Run("archive", "a1", WorkflowRunState.Failed, 1));
        writer.Report(Run("gone", "g1", WorkflowRunState.Failed, 1));

        Assert.Equal(2, await writer.FlushAsync(Ct));
        Assert.Equal(0, await writer.FlushAsync(Ct));

        var notify = await GetAsync("notify");
        Assert.Equal((50L, 0L), (notify.Status.Runs!.Succeeded, notify.Status.Runs.Failed));
        Assert.Equal("n050", notify.Status.LastRun!.Id);
        Assert.Equal(1L, (await GetAsync("archive")).Status.Runs!.Failed);
        Assert.Equal(0, writer.Pending);
    }

    private static WorkflowRun Run(string workflow, string id, WorkflowRunState state, int minute) =>
        new(id, workflow, "alice@acme.example", "PackageReceived", "e-" + id, T0.AddMinutes(minute).AddSeconds(-1),
            state is WorkflowRunState.Succeeded or WorkflowRunState.Failed ? T0.AddMinutes(minute) : null, state, 1, []);

    private KubernetesWorkflowStatusWriter Writer(IKubernetes client) => new(
        client,
        Options.Create(new ClusterModeOptions { Namespace = Namespace, ConfigMap = "safedrop-acme-config" }),
        Options.Create(new WorkflowEngineOptions()),
        TimeProvider.System,
        NullLogger<KubernetesWorkflowStatusWriter>.Instance);

    private async Task CreateWorkflowAsync(string name)
    {
        var workflow = new PersonalWorkflow { Metadata = { Name = name, NamespaceProperty = Namespace } };
        workflow.Spec.Owner = "alice@acme.example";
        workflow.Spec.Actions = [new WorkflowAction { Email = new EmailAction() }];
        await Cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(ResourceDocuments.ForCreate(workflow, Namespace),
            Organization.Group, Organization.Version, Namespace, PersonalWorkflow.Plural, cancellationToken: Ct);
    }

    private Task<object> PatchStatusAsync(string name, object patch, string manager) =>
        Cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
            Organization.Group, Organization.Version, Namespace, PersonalWorkflow.Plural, name, fieldManager: manager, cancellationToken: Ct);

    private async Task<PersonalWorkflow> GetAsync(string name)
    {
        var read = (JsonElement)await Cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync(Organization.Group, Organization.Version, Namespace, PersonalWorkflow.Plural, name, Ct);
        return JsonSerializer.Deserialize<PersonalWorkflow>(read.GetRawText(), ResourceJson.Options)!;
    }
}
