using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Workflows;
using Safedrop.Api.Workflows.Api;
using Safedrop.Api.Workflows.Engine;
using Safedrop.Resources.Manifests;
using Safedrop.Resources.Model;
using static Safedrop.Api.Tests.SecurityGroups.MembershipTests;
using static Safedrop.Api.Tests.Workflows.Api.WorkflowTenant;

namespace Safedrop.Api.Tests.Workflows.Api;

/// <summary>SPEC §4 through HTTP: users manage their own Personal Workflows; every change lands in a PersonalWorkflow resource and the audit log.</summary>
public sealed class WorkflowApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Should_Write_A_Resource_Owned_By_The_Caller_When_A_Workflow_Is_Created()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);

        var response = await alice.PostAsJsonAsync("/v1/workflows", Body("invoices-to-me"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var changed = (await response.Content.ReadFromJsonAsync<WorkflowChanged>(LocalApi.Json, Ct))!;
        Assert.Equal((Alice, null), (changed.Owner, changed.Warning));
        var written = ReadWorkflow(folder, "invoices-to-me");
        Assert.Equal((Alice, WorkflowTrigger.PackageReceived, true), (written.Spec.Owner, written.Spec.Trigger, written.Spec.Enabled));
        Assert.Equal(["*.pdf"], written.Spec.Filters.FileNamePatterns);
        await api.Store.WaitForAsync(s => s.Config?.Workflows.ContainsKey("invoices-to-me") == true, Ct).WaitAsync(Patience, Ct);

        var listed = await alice.GetFromJsonAsync<WorkflowSummary[]>("/v1/workflows", LocalApi.Json, Ct);
        var only = Assert.Single(listed!);
        Assert.Equal(("invoices-to-me", true, true, "PackageOwnerId == alice@acme.example"), (only.Name, only.InForce, only.Status.Ready, only.DefaultFilter));
        Assert.Contains(api.AuditEvents, e => e is { Action: PersonalWorkflowEditor.CreateAction, Actor: Alice, Resource: "workflow/invoices-to-me", Outcome: AuditOutcome.Succeeded, OnBehalfOf: null });
    }

    [Fact]
    public async Task Should_Refuse_Another_Owner_On_Create_And_An_Owner_Change_On_Edit()
    {
        using var folder = Create();
        folder.Write("workflows.yaml", Workflow("mine", Alice));
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);
        var before = await File.ReadAllTextAsync(Path.Combine(folder.Path, "workflows.yaml"), Ct);

        var create = await alice.PostAsJsonAsync("/v1/workflows", new { name = "for-carol", owner = Carol, trigger = "PackageSent", actions = new[] { new { email = new { } } } }, Ct);
        var edit = await alice.PutAsJsonAsync("/v1/workflows/mine", new { owner = Carol, trigger = "PackageSent" }, Ct);

        await AssertProblemAsync(create, HttpStatusCode.UnprocessableEntity, ProblemTypes.WorkflowOwnerImmutable);
        var problem = await AssertProblemAsync(edit, HttpStatusCode.UnprocessableEntity, ProblemTypes.WorkflowOwnerImmutable);
        Assert.Contains("spec.owner is immutable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "personalworkflows-for-carol.yaml")));
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(folder.Path, "workflows.yaml"), Ct));
    }

    [Fact]
    public async Task Should_Create_A_Sixth_With_A_Warning_And_List_It_As_LimitExceeded()
    {
        using var folder = Create();
        folder.Write("workflows.yaml", string.Join("---\n", Enumerable.Range(1, 5).Select(i => Workflow($"w{i}", Alice, i))));
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);

        var response = await alice.PostAsJsonAsync("/v1/workflows", Body("w6"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var changed = (await response.Content.ReadFromJsonAsync<WorkflowChanged>(LocalApi.Json, Ct))!;
        Assert.Contains("LimitExceeded", changed.Warning, StringComparison.Ordinal);
        await api.Store.WaitForAsync(s => s.Resources.Any(r => r.Name == "w6"), Ct).WaitAsync(Patience, Ct);
        var listed = (await alice.GetFromJsonAsync<WorkflowSummary[]>("/v1/workflows", LocalApi.Json, Ct))!;
        Assert.Equal(6, listed.Length);
        var sixth = Assert.Single(listed, w => w.Name == "w6");
        Assert.Equal((false, false, "LimitExceeded"), (sixth.InForce, sixth.Status.Ready, sixth.Status.Reason));
    }

    [Fact]
    public async Task Should_Refuse_Without_The_Opt_In_Permission_And_Show_Why_A_Declared_One_Is_Out_Of_Force()
    {
        using var folder = Create();
        folder.Write("workflows.yaml", Workflow("bobs", Bob));
        await using var api = new LocalApi(folder.Path);
        using var bob = await api.SignedInClientAsync(Bob);

        var problem = await AssertProblemAsync(await bob.PostAsJsonAsync("/v1/workflows", Body("another"), Ct), HttpStatusCode.Forbidden, ProblemTypes.PermissionMissing);
        var listed = (await bob.GetFromJsonAsync<WorkflowSummary[]>("/v1/workflows", LocalApi.Json, Ct))!;

        Assert.Equal("PersonalWorkflows", problem.GetProperty("permission").GetString());
        var declared = Assert.Single(listed);
        Assert.Equal(("bobs", false, "MissingPermission"), (declared.Name, declared.InForce, declared.Status.Reason));
        Assert.Contains(api.AuditEvents, e => e is { Action: PersonalWorkflowEditor.CreateAction, Actor: Bob, Outcome: AuditOutcome.Denied });
    }

    [Fact]
    public async Task Should_Refuse_A_Copying_Workflow_When_The_Owner_May_Not_Have_Trusted_Device_Keys()
    {
        using var folder = Create();
        // Only carol may have trusted device keys; a copying workflow reads packages with one.
        folder.Write("devices.yaml", TenantYaml.SecurityGroup("devices", "TrustedDeviceKeys", Carol));
        folder.Write("workflows.yaml", Workflow("mine", Alice));
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);
        var copy = new[] { new { copyToWorkspace = new { workspace = "inbox", folder = "/in" } } };
        var before = await File.ReadAllTextAsync(Path.Combine(folder.Path, "workflows.yaml"), Ct);

        var create = await alice.PostAsJsonAsync("/v1/workflows", new { name = "copier", trigger = "PackageReceived", actions = copy }, Ct);
        var edit = await alice.PutAsJsonAsync("/v1/workflows/mine", new { actions = copy }, Ct);
        var mail = await alice.PostAsJsonAsync("/v1/workflows", Body("mailer"), Ct);

        var refused = await AssertProblemAsync(create, HttpStatusCode.Forbidden, ProblemTypes.PermissionMissing);
        Assert.Equal("TrustedDeviceKeys", refused.GetProperty("permission").GetString());
        Assert.Contains("copies packages", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(edit, HttpStatusCode.Forbidden, ProblemTypes.PermissionMissing);
        Assert.Equal(HttpStatusCode.Created, mail.StatusCode);
        Assert.False(File.Exists(Path.Combine(folder.Path, "personalworkflows-copier.yaml")));
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(folder.Path, "workflows.yaml"), Ct));
        Assert.Contains(api.AuditEvents, e => e is { Action: PersonalWorkflowEditor.CreateAction, Actor: Alice, Outcome: AuditOutcome.Denied, Rule: "permission:TrustedDeviceKeys" });
        Assert.Contains(api.AuditEvents, e => e is { Action: PersonalWorkflowEditor.UpdateAction, Actor: Alice, Outcome: AuditOutcome.Denied, Rule: "permission:TrustedDeviceKeys" });
    }

    [Fact]
    public async Task Should_Refuse_Every_Workflow_Endpoint_When_The_Plan_Is_Not_Enterprise()
    {
        using var folder = Create(plan: "Business");
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);

        var list = await AssertProblemAsync(await alice.GetAsync("/v1/workflows", Ct), HttpStatusCode.Forbidden, ProblemTypes.PersonalWorkflowsUnavailable);
        await AssertProblemAsync(await alice.PostAsJsonAsync("/v1/workflows", Body("x"), Ct), HttpStatusCode.Forbidden, ProblemTypes.PersonalWorkflowsUnavailable);

        Assert.Equal("PlanRestriction", list.GetProperty("reason").GetString());
        Assert.Contains("Enterprise", list.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Edit_Disable_Enable_And_Delete_Only_For_The_Owner()
    {
        using var folder = Create();
        folder.Write("workflows.yaml", Workflow("mine", Alice) + "---\n" + Workflow("carols", Carol));
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);

        var edit = await alice.PutAsJsonAsync("/v1/workflows/mine", new { trigger = "TransferCompleted", filters = new { senderDomains = new[] { "partner.example" } } }, Ct);
        var disable = await alice.PostAsync("/v1/workflows/mine/disable", null, Ct);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (edit.StatusCode, disable.StatusCode));
        var written = ReadWorkflow(folder, "mine", "workflows.yaml");
        Assert.Equal((WorkflowTrigger.TransferCompleted, false), (written.Spec.Trigger, written.Spec.Enabled));
        Assert.Equal(["partner.example"], written.Spec.Filters.SenderDomains);
        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsync("/v1/workflows/mine/enable", null, Ct)).StatusCode);
        Assert.True(ReadWorkflow(folder, "mine", "workflows.yaml").Spec.Enabled);

        await AssertProblemAsync(await alice.PutAsJsonAsync("/v1/workflows/carols", new { trigger = "PackageSent" }, Ct), HttpStatusCode.Forbidden, ProblemTypes.WorkflowNotOwner);
        await AssertProblemAsync(await alice.PostAsync("/v1/workflows/carols/disable", null, Ct), HttpStatusCode.Forbidden, ProblemTypes.WorkflowNotOwner);
        await AssertProblemAsync(await alice.DeleteAsync("/v1/workflows/carols", Ct), HttpStatusCode.Forbidden, ProblemTypes.WorkflowNotOwner);
        await AssertProblemAsync(await alice.DeleteAsync("/v1/workflows/nothing", Ct), HttpStatusCode.NotFound, ProblemTypes.WorkflowNotFound);

        Assert.Equal(HttpStatusCode.OK, (await alice.DeleteAsync("/v1/workflows/mine", Ct)).StatusCode);
        var text = await File.ReadAllTextAsync(Path.Combine(folder.Path, "workflows.yaml"), Ct);
        Assert.DoesNotContain("name: mine", text, StringComparison.Ordinal);
        Assert.Contains("name: carols", text, StringComparison.Ordinal);
        string[] actions = [PersonalWorkflowEditor.UpdateAction, PersonalWorkflowEditor.DisableAction, PersonalWorkflowEditor.EnableAction, PersonalWorkflowEditor.DeleteAction];
        Assert.All(actions, a => Assert.Contains(api.AuditEvents, e => e.Action == a && e is { Actor: Alice, Resource: "workflow/mine", Outcome: AuditOutcome.Succeeded }));
        Assert.Contains(api.AuditEvents, e => e is { Action: PersonalWorkflowEditor.DeleteAction, Actor: Alice, Resource: "workflow/carols", Outcome: AuditOutcome.Denied });
    }

    [Fact]
    public async Task Should_Refuse_What_The_Crd_Refuses_And_Write_Nothing()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);

        var response = await alice.PostAsJsonAsync("/v1/workflows", new
        {
            name = "Bad_Name",
            trigger = "PackageReceived",
            actions = new object[] { new { webhook = new { url = "ftp://x", secretRef = new { name = "hook" } }, email = new { } } },
        }, Ct);
        var noActions = await alice.PostAsJsonAsync("/v1/workflows", new { name = "empty", trigger = "PackageSent", actions = Array.Empty<object>() }, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.WorkflowInvalid);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("metadata.name", fields);
        Assert.Contains("spec.actions[0]", fields);
        var empty = await AssertProblemAsync(noActions, HttpStatusCode.BadRequest, ProblemTypes.WorkflowInvalid);
        Assert.Contains("spec.actions", empty.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "personalworkflows-*"));
    }

    [Fact]
    public async Task Should_List_No_Runs_Without_An_Engine_And_The_Engines_Runs_For_The_Owner_Only()
    {
        using var folder = Create();
        folder.Write("workflows.yaml", Workflow("mine", Alice) + "---\n" + Workflow("carols", Carol));
        await using (var bare = new LocalApi(folder.Path))
        {
            using var alice = await bare.SignedInClientAsync(Alice);
            var page = await alice.GetFromJsonAsync<WorkflowRunPage>("/v1/workflows/mine/runs", LocalApi.Json, Ct);
            Assert.Empty(page!.Runs);
        }

        var run = new WorkflowRun("20250101000000000-abc", "mine", Alice, "PackageReceived", "evt-1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1),
            WorkflowRunState.Succeeded, 1, [new WorkflowActionResult("email", true, null, 1, DateTimeOffset.UnixEpoch)]);
        await using var api = new LocalApi(folder.Path) { ConfigureTestServices = s => s.AddSingleton<IWorkflowRuns>(new FixedRuns(run)) };
        using var owner = await api.SignedInClientAsync(Alice);

        var runs = await owner.GetFromJsonAsync<WorkflowRunPage>("/v1/workflows/mine/runs?limit=10", LocalApi.Json, Ct);
        var foreign = await owner.GetAsync("/v1/workflows/carols/runs", Ct);

        Assert.Equal(run.Id, Assert.Single(runs!.Runs).Id);
        // Like the workflow itself, its runs do not tell that it exists.
        await AssertProblemAsync(foreign, HttpStatusCode.NotFound, ProblemTypes.WorkflowNotFound);
    }

    [Fact]
    public async Task Should_List_The_Run_Counts_And_The_Last_Run_When_In_Local_Mode()
    {
        using var folder = Create();
        folder.Write("workflows.yaml", Workflow("mine", Alice));
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);
        var store = api.Services.GetRequiredService<WorkflowRunStore>();
        WorkflowRun Run(string id, WorkflowRunState state, int seconds) => new(id, "mine", Alice, "PackageReceived", "evt-" + id,
            DateTimeOffset.UnixEpoch, state == WorkflowRunState.Running ? null : DateTimeOffset.UnixEpoch.AddSeconds(seconds), state, 1, []);
        await store.SaveAsync(Run("19700101000000000-a", WorkflowRunState.Succeeded, 1), Ct);
        await store.SaveAsync(Run("19700101000000000-b", WorkflowRunState.Failed, 3), Ct);
        await store.SaveAsync(Run("19700101000000000-c", WorkflowRunState.Succeeded, 2), Ct);
        await store.SaveAsync(Run("19700101000000000-d", WorkflowRunState.Running, 0), Ct);

        var listed = await alice.GetFromJsonAsync<List<WorkflowSummary>>("/v1/workflows", LocalApi.Json, Ct);

        var runs = Assert.Single(listed!).Runs!;
        Assert.Equal((2L, 1L, 3L), (runs.Succeeded, runs.Failed, runs.Total));
        Assert.Equal(("19700101000000000-b", WorkflowRunState.Failed), (runs.LastRun!.Id, runs.LastRun.State));
    }

    internal static PersonalWorkflow ReadWorkflow(TenantFolder folder, string name, string? file = null)
    {
        var path = Path.Combine(folder.Path, file ?? $"personalworkflows-{name}.yaml");
        var manifests = ManifestReader.Read([new ManifestSource(path, File.ReadAllText(path))]);
        Assert.Empty(manifests.Problems);
        return manifests.Resources.Select(r => r.Resource).OfType<PersonalWorkflow>().Single(w => w.Metadata.Name == name);
    }

    private sealed class FixedRuns(params WorkflowRun[] runs) : IWorkflowRuns
    {
        public Task<WorkflowRunPage> ListAsync(string workflow, WorkflowRunPageRequest page, CancellationToken cancellationToken) =>
            Task.FromResult(new WorkflowRunPage([.. runs.Where(r => r.Workflow == workflow).Take(page.Limit)], null));
    }
}
