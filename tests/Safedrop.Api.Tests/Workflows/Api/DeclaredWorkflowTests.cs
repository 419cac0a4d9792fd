using System.Net;
using System.Net.Http.Json;
using Safedrop.Api.Http;
using Safedrop.Api.Identity.Impersonation;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Workflows.Api;
using Safedrop.Resources.Model;
using static Safedrop.Api.Tests.SecurityGroups.MembershipTests;
using static Safedrop.Api.Tests.Workflows.Api.WorkflowTenant;

namespace Safedrop.Api.Tests.Workflows.Api;

/// <summary>
/// Local mode: workflows that do not run (the sixth of an owner, an unknown reference, no permission) are read back
/// with their declared spec and the reason from their Ready condition, listed and one by one, so their owner can fix them.
/// </summary>
public sealed class DeclaredWorkflowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Should_List_And_Get_The_Sixth_With_Its_Spec_And_LimitExceeded_When_The_Owner_Has_Six()
    {
        using var folder = Create();
        folder.Write("workflows.yaml", string.Join("---\n", Enumerable.Range(1, 5).Select(i => Workflow($"w{i}", Alice, i)).Append(HookWorkflow("w6", Alice, 6))));
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);

        var listed = (await alice.GetFromJsonAsync<WorkflowSummary[]>("/v1/workflows", LocalApi.Json, Ct))!;
        var one = (await alice.GetFromJsonAsync<WorkflowSummary>("/v1/workflows/w6", LocalApi.Json, Ct))!;

        Assert.Equal(["w1", "w2", "w3", "w4", "w5", "w6"], listed.Select(w => w.Name));
        Assert.All(listed.Take(5), w => Assert.Equal((true, true, "Compiled"), (w.InForce, w.Status.Ready, w.Status.Reason)));
        foreach (var sixth in new[] { listed[5], one })
        {
            Assert.Equal((false, false, "LimitExceeded"), (sixth.InForce, sixth.Status.Ready, sixth.Status.Reason));
            Assert.Contains("at most 5", sixth.Status.Message, StringComparison.Ordinal);
            AssertHookSpec(sixth);
            Assert.Equal((1L, 1L), (sixth.Generation, sixth.Status.ObservedGeneration));
            Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 6, 0, TimeSpan.Zero), sixth.CreatedAt);
        }
    }

    [Fact]
    public async Task Should_Answer_404_When_The_Workflow_Is_Absent_Or_Someone_Elses()
    {
        using var folder = Create();
        folder.Write("workflows.yaml", Workflow("mine", Alice) + "---\n" + Workflow("carols", Carol) + "---\n" + Workflow("bobs", Bob));
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);

        await AssertProblemAsync(await alice.GetAsync("/v1/workflows/carols", Ct), HttpStatusCode.NotFound, ProblemTypes.WorkflowNotFound);
        await AssertProblemAsync(await alice.GetAsync("/v1/workflows/bobs", Ct), HttpStatusCode.NotFound, ProblemTypes.WorkflowNotFound);
        await AssertProblemAsync(await alice.GetAsync("/v1/workflows/nothing", Ct), HttpStatusCode.NotFound, ProblemTypes.WorkflowNotFound);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/v1/workflows/mine", Ct)).StatusCode);
        Assert.Equal(["mine"], (await alice.GetFromJsonAsync<WorkflowSummary[]>("/v1/workflows", LocalApi.Json, Ct))!.Select(w => w.Name));
    }

    [Fact]
    public async Task Should_Show_Bob_His_Workflow_Out_Of_Force_With_Its_Spec_When_He_Lacks_The_Permission()
    {
        using var folder = Create();
        folder.Write("workflows.yaml", HookWorkflow("bobs", Bob, 0));
        await using var api = new LocalApi(folder.Path);
        using var bob = await api.SignedInClientAsync(Bob);

        var one = (await bob.GetFromJsonAsync<WorkflowSummary>("/v1/workflows/bobs", LocalApi.Json, Ct))!;

        Assert.Equal((false, "MissingPermission"), (one.InForce, one.Status.Reason));
        AssertHookSpec(one);
    }

    [Fact]
    public async Task Should_Read_Back_A_Workflow_With_An_Unknown_Reference_Then_Show_It_Ready_When_Fixed()
    {
        using var folder = Create();
        folder.Write("workflows.yaml", Workflow("broken", Alice).Replace("  trigger: PackageReceived\n", "  trigger: PackageReceived\n  filters:\n    dropzones: [nowhere]\n", StringComparison.Ordinal));
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);

        var broken = (await alice.GetFromJsonAsync<WorkflowSummary>("/v1/workflows/broken", LocalApi.Json, Ct))!;
        Assert.Equal((false, "UnknownReference"), (broken.InForce, broken.Status.Reason));
        Assert.Equal(["nowhere"], broken.Filters.Dropzones);
        Assert.Contains("no Dropzone named 'nowhere'", broken.Status.Message, StringComparison.Ordinal);

        var fixedUp = await alice.PutAsJsonAsync("/v1/workflows/broken", new { filters = new { dropzones = Array.Empty<string>() } }, Ct);
        Assert.Equal(HttpStatusCode.OK, fixedUp.StatusCode);
        // The generation the answer names is the one the status judges next (the portal waits for it).
        Assert.Equal(2L, (await fixedUp.Content.ReadFromJsonAsync<WorkflowChanged>(LocalApi.Json, Ct))!.Generation);
        await api.Store.WaitForAsync(s => s.Config?.Workflows.ContainsKey("broken") == true, Ct).WaitAsync(Patience, Ct);

        var ready = (await alice.GetFromJsonAsync<WorkflowSummary>("/v1/workflows/broken", LocalApi.Json, Ct))!;
        Assert.Equal((true, true, 2L, 2L), (ready.InForce, ready.Status.Ready, ready.Generation, ready.Status.ObservedGeneration));
        Assert.Empty(ready.Filters.Dropzones);
    }

    [Fact]
    public async Task Should_Read_The_Users_Workflow_When_An_Admin_Acts_As_Them()
    {
        using var folder = Create();
        folder.Write("workflows.yaml", HookWorkflow("alices", Alice, 0));
        await using var api = new LocalApi(folder.Path);
        using var admin = await api.SignedInClientAsync(AdminUser);

        await AssertProblemAsync(await admin.GetAsync("/v1/workflows/alices", Ct), HttpStatusCode.NotFound, ProblemTypes.WorkflowNotFound);
        admin.DefaultRequestHeaders.Add(Impersonation.Header, Alice);
        var one = (await admin.GetFromJsonAsync<WorkflowSummary>("/v1/workflows/alices", LocalApi.Json, Ct))!;

        Assert.Equal(("alices", Alice), (one.Name, one.Owner));
        AssertHookSpec(one);
        using var carol = await api.SignedInClientAsync(Carol);
        carol.DefaultRequestHeaders.Add(Impersonation.Header, Alice);
        await AssertProblemAsync(await carol.GetAsync("/v1/workflows/alices", Ct), HttpStatusCode.Forbidden, ProblemTypes.ImpersonationRefused);
    }

    /// <summary>A workflow with filters, two actions, a description and <c>enabled: false</c>, to see every field come back.</summary>
    private static string HookWorkflow(string name, string owner, int createdMinute) => $"""
        apiVersion: safedrop.io/v1alpha1
        kind: PersonalWorkflow
        metadata:
          name: {name}
          namespace: {TenantYaml.Namespace}
          creationTimestamp: "2025-01-01T00:{createdMinute:00}:00Z"
        spec:
          owner: {owner}
          description: Invoices to the books
          enabled: false
          trigger: TransferCompleted
          filters:
            senderDomains: [partner.example]
            fileNamePatterns: ["*.pdf"]
          actions:
            - webhook:
                url: https://hooks.acme.example/books
                secretRef:
                  name: books-hook
            - email:
                subject: Sent and fetched

        """;

    private static void AssertHookSpec(WorkflowSummary w)
    {
        Assert.Equal((WorkflowTrigger.TransferCompleted, false, "Invoices to the books"), (w.Trigger, w.Enabled, w.Description));
        Assert.Equal(["partner.example"], w.Filters.SenderDomains);
        Assert.Equal(["*.pdf"], w.Filters.FileNamePatterns);
        Assert.Equal(2, w.Actions.Count);
        Assert.Equal(("https://hooks.acme.example/books", "books-hook"), (w.Actions[0].Webhook!.Url, w.Actions[0].Webhook!.SecretRef.Name));
        Assert.Equal("Sent and fetched", w.Actions[1].Email!.Subject);
    }
}
