using System.Net;
using System.Net.Http.Json;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Identity.Impersonation;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Workflows.Api;
using static Safedrop.Api.Tests.SecurityGroups.MembershipTests;
using static Safedrop.Api.Tests.Workflows.Api.WorkflowTenant;

namespace Safedrop.Api.Tests.Workflows.Api;

/// <summary>SPEC §4: an admin acts as a registered user for the Personal Workflow endpoints only; the identity stays the user's, the audit log names the admin.</summary>
public sealed class ImpersonationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Create_And_List_As_The_User_And_Audit_The_Admin_When_An_Admin_Acts_As_Them()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var admin = await api.SignedInClientAsync(AdminUser);
        admin.DefaultRequestHeaders.Add(Impersonation.Header, Alice);

        var created = await admin.PostAsJsonAsync("/v1/workflows", Body("for-alice"), Ct);
        var edited = await admin.PutAsJsonAsync("/v1/workflows/for-alice", new { trigger = "PackageSent" }, Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created.StatusCode, edited.StatusCode));
        Assert.Equal(Alice, WorkflowApiTests.ReadWorkflow(folder, "for-alice").Spec.Owner);
        await api.Store.WaitForAsync(s => s.Config?.Workflows.ContainsKey("for-alice") == true, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
        var listed = (await admin.GetFromJsonAsync<WorkflowSummary[]>("/v1/workflows", LocalApi.Json, Ct))!;
        Assert.Equal(Alice, Assert.Single(listed).Owner);
        Assert.Contains(api.AuditEvents, e => e is { Action: PersonalWorkflowEditor.CreateAction, Actor: Alice, OnBehalfOf: AdminUser, Outcome: AuditOutcome.Succeeded });
        Assert.Contains(api.AuditEvents, e => e is { Action: PersonalWorkflowEditor.UpdateAction, Actor: Alice, OnBehalfOf: AdminUser, Outcome: AuditOutcome.Succeeded });
    }

    [Fact]
    public async Task Should_Refuse_A_Non_Admin_And_An_Unregistered_Target()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var carol = await api.SignedInClientAsync(Carol);
        carol.DefaultRequestHeaders.Add(Impersonation.Header, Alice);
        using var admin = await api.SignedInClientAsync(AdminUser);
        admin.DefaultRequestHeaders.Add(Impersonation.Header, TenantYaml.UnregisteredUser);

        await AssertProblemAsync(await carol.GetAsync("/v1/workflows", Ct), HttpStatusCode.Forbidden, ProblemTypes.ImpersonationRefused);
        await AssertProblemAsync(await carol.PostAsJsonAsync("/v1/workflows", Body("sneaky"), Ct), HttpStatusCode.Forbidden, ProblemTypes.ImpersonationRefused);
        await AssertProblemAsync(await admin.GetAsync("/v1/workflows", Ct), HttpStatusCode.BadRequest, ProblemTypes.ImpersonationTargetInvalid);

        Assert.Empty(Directory.GetFiles(folder.Path, "personalworkflows-*"));
    }

    [Theory]
    [InlineData("GET", "/v1/me")]
    [InlineData("GET", "/v1/packages?box=received")]
    [InlineData("POST", "/v1/packages")]
    [InlineData("GET", "/v1/workspaces")]
    [InlineData("GET", "/v1/api-keys")]
    [InlineData("POST", "/v1/api-keys")]
    [InlineData("GET", "/v1/device-keys")]
    [InlineData("GET", "/v1/admin/security-groups")]
    [InlineData("GET", "/v1/workflowsx")]
    public async Task Should_Refuse_The_Header_On_Every_Other_Endpoint(string method, string path)
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var admin = await api.SignedInClientAsync(AdminUser);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { name = "k" }) : null };
        request.Headers.Add(Impersonation.Header, Alice);

        var problem = await AssertProblemAsync(await admin.SendAsync(request, Ct), HttpStatusCode.BadRequest, ProblemTypes.ImpersonationNotAllowedHere);

        Assert.Contains("/v1/workflows", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(api.AuditEvents, e => e.Actor == Alice);
    }
}
