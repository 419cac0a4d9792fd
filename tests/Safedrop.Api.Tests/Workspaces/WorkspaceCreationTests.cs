using System.Net;
using System.Net.Http.Json;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Workspaces;
using static Safedrop.Api.Tests.Workspaces.WorkspaceTenant;

namespace Safedrop.Api.Tests.Workspaces;

/// <summary>Creating a Workspace: holders of WorkspaceOwnership only, written back as a resource, enforced once compiled.</summary>
public sealed class WorkspaceCreationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Creator = "cora@acme.example";

    private static TenantFolder GroupTenant() =>
        // The group grants WorkspaceOwnership to Cora and the YAML owner only: from then on nobody else holds it.
        Create(extraDocuments: TenantYaml.SecurityGroup("workspace-owners", "WorkspaceOwnership", Creator, Owner));

    [Fact]
    public async Task Should_Create_A_Workspace_Owned_By_The_Caller_When_They_Hold_WorkspaceOwnership()
    {
        using var folder = GroupTenant();
        await using var api = NewApi(folder);
        using var creator = await api.SignedInClientAsync(Creator);

        using var response = await creator.PostAsJsonAsync("/v1/workspaces", new { name = "launch", displayName = "Launch plan", quota = "5Mi" }, Ct);
        var created = await response.Content.ReadFromJsonAsync<CreatedWorkspace>(LocalApi.Json, Ct);
        await api.Store.WaitForAsync(s => s.Config?.Workspaces.ContainsKey("launch") == true, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
        using var upload = await creator.UploadAsync("plan.txt", [1, 2, 3], workspace: "launch");
        var mine = await creator.GetFromJsonAsync<List<WorkspaceSummary>>("/v1/workspaces", LocalApi.Json, Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, response.StatusCode.ToString());
        Assert.Equal(("launch", Creator), (created!.Name, created.Owner));
        Assert.True(File.Exists(Path.Combine(folder.Path, "created-launch.yaml")));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var summary = Assert.Single(mine!);
        Assert.Equal(("launch", "Owner", 5L * 1024 * 1024, "Launch plan"), (summary.Name, summary.Role, summary.QuotaBytes, summary.DisplayName));
        Assert.Contains(api.AuditEvents, e => e is { Action: WorkspaceCreations.CreateAction, Outcome: AuditOutcome.Succeeded, Actor: Creator, Resource: "workspace/launch" });
    }

    [Fact]
    public async Task Should_Refuse_With_Permission_Missing_When_The_Caller_Is_Not_In_The_Granting_Group()
    {
        using var folder = GroupTenant();
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);

        using var response = await editor.PostAsJsonAsync("/v1/workspaces", new { name = "mine" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(ProblemTypes.PermissionMissing, problem.Type);
        Assert.Contains("workspace-owners", problem.Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "created-mine.yaml")));
        Assert.Contains(api.AuditEvents, e => e is { Action: WorkspaceCreations.CreateAction, Outcome: AuditOutcome.Denied, Actor: Editor, Rule: "permission-missing" });
    }

    [Fact]
    public async Task Should_Refuse_External_Callers_And_Invalid_Or_Taken_Names()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var external = await api.SignedInClientAsync(External);
        using var editor = await api.SignedInClientAsync(Editor);

        using var byExternal = await external.PostAsJsonAsync("/v1/workspaces", new { name = "x" }, Ct);
        using var invalid = await editor.PostAsJsonAsync("/v1/workspaces", new { name = "Not A Name", quota = "lots" }, Ct);
        using var taken = await editor.PostAsJsonAsync("/v1/workspaces", new { name = Name }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byExternal.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.ProblemAsync();
        Assert.Equal(ProblemTypes.WorkspaceInvalid, problem.Type);
        Assert.Contains("quota 'lots'", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(ProblemTypes.WorkspaceExists, (await taken.ProblemAsync()).Type);
    }

    [Fact]
    public async Task Should_Answer_Being_Created_Until_The_Configuration_Has_The_Workspace()
    {
        using var folder = Create();
        // A writer that accepts the resource but whose change never reaches the configuration.
        await using var api = new LocalApi(folder.Path)
        {
            ConfigureTestServices = services => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions
                .AddSingleton<Safedrop.Api.WriteBack.IResourceWriter>(services, new FolderResourceWriter(TenantFolder.Create())),
        };
        using var editor = await api.SignedInClientAsync(Editor);

        using var response = await editor.PostAsJsonAsync("/v1/workspaces", new { name = "later" }, Ct);
        using var listing = await editor.ListAsync(workspace: "later");
        using var again = await editor.PostAsJsonAsync("/v1/workspaces", new { name = "later" }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("creating", (await response.Content.ReadFromJsonAsync<CreatedWorkspace>(LocalApi.Json, Ct))!.State);
        Assert.Equal(HttpStatusCode.Conflict, listing.StatusCode);
        var problem = await listing.ProblemAsync();
        Assert.Equal(ProblemTypes.WorkspaceNotReady, problem.Type);
        Assert.Contains("not in force yet", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
