using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Workflows.Api;
using Safedrop.Api.WriteBack;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using Safedrop.Testing;
using static Safedrop.Api.Tests.SecurityGroups.MembershipTests;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Api.Tests.Workflows.Api;

/// <summary>
/// Cluster mode: the snapshot holds only what is in force, so the API reads the PersonalWorkflow resources themselves
/// (with the API's Role) to show an owner every workflow declared, with the Ready condition the operator wrote.
/// </summary>
public sealed partial class ClusterDeclaredWorkflowTests(S3Server s3, RedisServer redis) : KubeClusterTest("wfdecl")
{
    private const string ConfigMapName = "safedrop-acme-config";
    private const string ApiUser = "system:serviceaccount:acme:safedrop-acme-api";
    private const string Alice = "alice@acme.example";
    private const string Carol = "carol@acme.example";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The API's Role (operator/Safedrop.Operator/Platform/ApiRbacBuilder.cs) for custom resources. Its ConfigMap rule
    /// names the snapshot, which the fake cannot match on a list by field selector: here it covers every ConfigMap.
    /// </summary>
    private static readonly V1PolicyRule[] ApiRoleRules =
    [
        new() { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["get", "list", "watch"] },
        new() { ApiGroups = ["safedrop.io"], Resources = ["securitygroups", "dropzones", "workspaces", "personalworkflows"], Verbs = ["get", "list", "watch", "patch", "update"] },
        new() { ApiGroups = ["safedrop.io"], Resources = ["personalworkflows", "workspaces"], Verbs = ["create", "delete"] },
        new() { ApiGroups = ["safedrop.io"], Resources = ["personalworkflows/status"], Verbs = ["get", "patch"] },
    ];

    [Fact]
    public async Task Should_List_And_Get_Every_Declared_Workflow_With_The_Operators_Status_When_In_A_Cluster()
    {
        await DeclareAsync(
            AGroup("automation", [Permission.PersonalWorkflows], Alice, Carol),
            AWorkflow("w1", Alice), AWorkflow("w2", Alice), AWorkflow("w3", Alice), AWorkflow("w4", Alice), AWorkflow("w5", Alice),
            AWorkflow("w6", Alice, configure: s =>
            {
                s.Trigger = WorkflowTrigger.TransferCompleted;
                s.Filters.FileNamePatterns = ["*.pdf"];
                s.Actions = [new WorkflowAction { Webhook = new WebhookAction { Url = "https://hooks.acme.example/books", SecretRef = new SecretKeyReference { Name = "books-hook" } } }];
            }),
            AWorkflow("carols", Carol));
        var compiled = await ReconcileAsync();
        // The figures the API's status writer keeps on w1 after its runs.
        var finishedAt = DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var figures = new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["runs"] = new JsonObject { ["total"] = 3, ["succeeded"] = 2, ["failed"] = 1 },
                ["lastRun"] = new JsonObject { ["id"] = "20261123100000000-abc", ["state"] = "Failed", ["finishedAt"] = finishedAt.ToString("O") },
            },
        };
        await Cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch(figures, V1Patch.PatchType.MergePatch),
            Organization.Group, Organization.Version, Namespace, PersonalWorkflow.Plural, "w1", fieldManager: "safedrop-api", cancellationToken: Ct);
        await using var smtp = SmtpSink.Start();
        await using var api = await StartApiAsync(compiled, smtp, ApiRoleRules);
        using var alice = await SignedInAsync(api, smtp, Alice);

        var listed = (await alice.GetFromJsonAsync<WorkflowSummary[]>("/v1/workflows", LocalApi.Json, Ct))!;
        var one = (await alice.GetFromJsonAsync<WorkflowSummary>("/v1/workflows/w6", LocalApi.Json, Ct))!;

        Assert.Equal(["w1", "w2", "w3", "w4", "w5", "w6"], listed.Select(w => w.Name));
        Assert.All(listed.Take(5), w => Assert.Equal((true, true, "Compiled"), (w.InForce, w.Status.Ready, w.Status.Reason)));
        Assert.Equal((2L, 1L, "20261123100000000-abc", finishedAt), (listed[0].Runs!.Succeeded, listed[0].Runs!.Failed, listed[0].Runs!.LastRun!.Id, listed[0].Runs!.LastRun!.FinishedAt));
        Assert.All(listed.Skip(1), w => Assert.Null(w.Runs));
        foreach (var sixth in new[] { listed[5], one })
        {
            Assert.Equal((false, false, "LimitExceeded"), (sixth.InForce, sixth.Status.Ready, sixth.Status.Reason));
            Assert.Contains("at most 5", sixth.Status.Message, StringComparison.Ordinal);
            Assert.Equal((WorkflowTrigger.TransferCompleted, "https://hooks.acme.example/books"), (sixth.Trigger, Assert.Single(sixth.Actions).Webhook!.Url));
            Assert.Equal(["*.pdf"], sixth.Filters.FileNamePatterns);
            Assert.Equal((1L, 1L), (sixth.Generation, sixth.Status.ObservedGeneration));
        }

        await AssertProblemAsync(await alice.GetAsync("/v1/workflows/carols", Ct), HttpStatusCode.NotFound, ProblemTypes.WorkflowNotFound);
        await AssertProblemAsync(await alice.GetAsync("/v1/workflows/nothing", Ct), HttpStatusCode.NotFound, ProblemTypes.WorkflowNotFound);
    }

    [Fact]
    public async Task Should_Show_A_Created_Workflow_At_Once_As_Pending_When_The_Operator_Has_Not_Judged_It_Yet()
    {
        await DeclareAsync(AGroup("automation", [Permission.PersonalWorkflows], Alice));
        var compiled = await ReconcileAsync();
        await using var smtp = SmtpSink.Start();
        await using var api = await StartApiAsync(compiled, smtp, ApiRoleRules);
        using var alice = await SignedInAsync(api, smtp, Alice);

        var created = await alice.PostAsJsonAsync("/v1/workflows", new { name = "fresh", trigger = "PackageSent", actions = new[] { new { email = new { } } } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var fresh = (await alice.GetFromJsonAsync<WorkflowSummary>("/v1/workflows/fresh", LocalApi.Json, Ct))!;

        Assert.Equal((false, false, "Pending", WorkflowTrigger.PackageSent), (fresh.InForce, fresh.Status.Ready, fresh.Status.Reason, fresh.Trigger));
        Assert.Equal("fresh", Assert.Single((await alice.GetFromJsonAsync<WorkflowSummary[]>("/v1/workflows", LocalApi.Json, Ct))!).Name);
    }

    [Fact]
    public async Task Should_Answer_503_When_The_Kubernetes_API_Refuses_To_Read_The_Workflows()
    {
        await DeclareAsync(AGroup("automation", [Permission.PersonalWorkflows], Alice), AWorkflow("w1", Alice));
        var compiled = await ReconcileAsync();
        await using var smtp = SmtpSink.Start();
        // A Role without the custom resources: every read of them is refused with 403.
        await using var api = await StartApiAsync(compiled, smtp, [ApiRoleRules[0]]);
        using var alice = await SignedInAsync(api, smtp, Alice);

        var list = await alice.GetAsync("/v1/workflows", Ct);
        var one = await alice.GetAsync("/v1/workflows/w1", Ct);

        await AssertProblemAsync(list, HttpStatusCode.ServiceUnavailable, ProblemTypes.ResourcesUnavailable);
        await AssertProblemAsync(one, HttpStatusCode.ServiceUnavailable, ProblemTypes.ResourcesUnavailable);
        Assert.NotNull(list.Headers.RetryAfter);
    }

    /// <summary>Creates the Organization and the given resources as kubectl would.</summary>
    private async Task DeclareAsync(params ISafedropResource[] resources)
    {
        foreach (var resource in resources.Prepend(AnOrganization(@namespace: Namespace)))
        {
            resource.Metadata.NamespaceProperty = Namespace;
            await Cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(ResourceDocuments.ForCreate(resource, Namespace),
                Organization.Group, Organization.Version, Namespace, ResourceKinds.Of(resource.GetType()).Plural, cancellationToken: Ct);
        }
    }

    /// <summary>The operator's part: compile the resources as stored, write each PersonalWorkflow's status, publish the snapshot.</summary>
    private async Task<TenantConfig> ReconcileAsync()
    {
        List<ISafedropResource> stored = [];
        foreach (var kind in new[] { typeof(Organization), typeof(SecurityGroup), typeof(PersonalWorkflow) })
        {
            var list = (JsonElement)await Cluster.Client.CustomObjects.ListNamespacedCustomObjectAsync(Organization.Group, Organization.Version, Namespace,
                ResourceKinds.Of(kind).Plural, cancellationToken: Ct);
            stored.AddRange(list.GetProperty("items").EnumerateArray().Select(item => (ISafedropResource)item.Deserialize(kind, ResourceJson.Options)!));
        }

        var result = TenantCompiler.Compile(TenantInput.From(Namespace, stored));
        foreach (var workflow in stored.OfType<PersonalWorkflow>())
        {
            StatusWriter.Apply(workflow, result.Find(workflow.Kind, workflow.Metadata.Name!)!, DateTimeOffset.UtcNow);
            var patch = new JsonObject { ["status"] = JsonSerializer.SerializeToNode(workflow.Status, ResourceJson.Options) };
            await Cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
                Organization.Group, Organization.Version, Namespace, PersonalWorkflow.Plural, workflow.Metadata.Name, fieldManager: "safedrop-operator", cancellationToken: Ct);
        }

        await Cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = ConfigMapName, NamespaceProperty = Namespace },
            Data = new Dictionary<string, string> { [TenantSnapshotFormat.RevisionKey] = result.Config.Revision },
            BinaryData = new Dictionary<string, byte[]> { [TenantSnapshotFormat.ConfigKey] = TenantSnapshotFormat.Encode(result.Config) },
        }, Namespace, cancellationToken: Ct);
        return result.Config;
    }

    /// <summary>The API in cluster mode as the API's service account with <paramref name="rules"/>, once it enforces <paramref name="config"/>.</summary>
    private async Task<ClusterApi> StartApiAsync(TenantConfig config, SmtpSink smtp, V1PolicyRule[] rules)
    {
        var kubernetes = Cluster.IsReal ? Cluster.Configuration : Cluster.Fake!.AddRestrictedUser(ApiUser, rules);
        var api = new ClusterApi(kubernetes, Namespace, ConfigMapName, s3) { RedisConnectionString = redis.ConnectionString, MailPort = smtp.Port };
        await api.Store.WaitForAsync(s => s.Config?.Revision == config.Revision, Ct).WaitAsync(Patience, Ct);
        return api;
    }

    /// <summary>Signs in by PIN, read from the mail the API sent to the SMTP sink.</summary>
    private static async Task<HttpClient> SignedInAsync(ClusterApi api, SmtpSink smtp, string email)
    {
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/v1/auth/pin", new { email }, Ct)).StatusCode);
        var mail = await smtp.NextMessageAsync(email, Patience, Ct);
        var verified = await anonymous.PostAsJsonAsync("/v1/auth/pin/verify", new { email, pin = PinLine().Match(mail.TextBody).Groups[1].Value }, Ct);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var session = (await verified.Content.ReadFromJsonAsync<SignedInResponse>(LocalApi.Json, Ct))!;
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        return client;
    }

    [GeneratedRegex(@"Your PIN: (\d+)")]
    private static partial Regex PinLine();
}
