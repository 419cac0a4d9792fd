using System.Net;
using System.Net.Http.Json;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Workspaces;
using Safedrop.Resources.Model;
using static Safedrop.Api.Tests.Workspaces.WorkspaceTenant;

namespace Safedrop.Api.Tests.Workspaces;

/// <summary>Roles through HTTP, each operation both ways: View reads; Modify (internal or external) also writes; others learn nothing.</summary>
public sealed class WorkspaceRoleEnforcementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Content = [1, 2, 3, 4, 5];

    /// <summary>Every operation against a freshly seeded file and folder, by status code.</summary>
    private static async Task<Dictionary<string, HttpStatusCode>> TryEverythingAsync(HttpClient client, string tag)
    {
        var results = new Dictionary<string, HttpStatusCode>();
        async Task Run(string operation, Func<Task<HttpResponseMessage>> call)
        {
            using var response = await call();
            results[operation] = response.StatusCode;
        }

        await Run("list", () => client.ListAsync("seed"));
        await Run("download", () => client.DownloadAsync("seed/one.txt"));
        await Run("upload", () => client.UploadAsync($"seed/{tag}-new.txt", Content));
        await Run("create-folder", () => client.CreateFolderAsync($"seed/{tag}-folder"));
        await Run("rename", () => client.RenameAsync($"seed/{tag}.txt", $"{tag}-renamed.txt"));
        await Run("move", () => client.MoveAsync($"seed/{tag}-move.txt", "elsewhere"));
        await Run("delete", () => client.DeleteFileAsync($"seed/{tag}-delete.txt"));
        return results;
    }

    private static async Task SeedAsync(HttpClient owner, string tag)
    {
        foreach (var file in new[] { "seed/one.txt", $"seed/{tag}.txt", $"seed/{tag}-move.txt", $"seed/{tag}-delete.txt" })
        {
            using var response = await owner.UploadAsync(file, Content);
            Assert.True(response.IsSuccessStatusCode, $"seeding {file}: {response.StatusCode}");
        }
        (await owner.CreateFolderAsync("elsewhere")).Dispose();
    }

    [Fact]
    public async Task Should_Allow_Every_Operation_When_The_Caller_Is_Owner_Modify_Or_External_Modify()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);

        foreach (var (user, tag) in new[] { (Owner, "o"), (Editor, "e"), (External, "x") })
        {
            await SeedAsync(owner, tag);
            using var other = user == Owner ? null : await api.SignedInClientAsync(user);
            var results = await TryEverythingAsync(other ?? owner, tag);

            Assert.All(results, r => Assert.True(r.Value is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent, $"{user} {r.Key}: {r.Value}"));
        }
    }

    [Fact]
    public async Task Should_Let_View_Read_And_Refuse_Every_Write_Naming_Modify()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);
        await SeedAsync(owner, "v");
        using var viewer = await api.SignedInClientAsync(Viewer);

        var results = await TryEverythingAsync(viewer, "v");
        using var refused = await viewer.UploadAsync("seed/v-new.txt", Content);

        Assert.Equal(HttpStatusCode.OK, results["list"]);
        Assert.Equal(HttpStatusCode.OK, results["download"]);
        Assert.All(results.Where(r => r.Key is not ("list" or "download")), r => Assert.True(r.Value == HttpStatusCode.Forbidden, $"{r.Key}: {r.Value}"));
        var problem = await refused.ProblemAsync();
        Assert.Equal(ProblemTypes.WorkspaceRoleMissing, problem.Type);
        Assert.Contains("needs the Modify role", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("Modify", problem.Extensions["neededRole"]?.ToString());
        Assert.Equal("View", problem.Extensions["role"]?.ToString());
        Assert.Contains(api.AuditEvents, e => e is { Action: WorkspaceFiles.UploadAction, Outcome: AuditOutcome.Denied, Actor: Viewer, Rule: "role-Modify-needed" });
        Assert.Contains(api.AuditEvents, e => e is { Action: "workspace.file.rename", Outcome: AuditOutcome.Denied, Actor: Viewer });
        Assert.DoesNotContain((await owner.ListingAsync("seed")).Files, f => f.Name is "v-new.txt" or "v-renamed.txt");
        Assert.Contains((await owner.ListingAsync("seed")).Files, f => f.Name is "v.txt" or "v-move.txt" or "v-delete.txt");
    }

    [Fact]
    public async Task Should_Answer_Not_Found_For_Everything_When_The_Caller_Has_No_Role()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var owner = await api.SignedInClientAsync(Owner);
        await SeedAsync(owner, "s");

        foreach (var user in new[] { Stranger, TenantYaml.Admin, "someone@partner.example" })
        {
            using var client = await api.SignedInClientAsync(user);
            var results = await TryEverythingAsync(client, "s");

            Assert.All(results, r => Assert.True(r.Value == HttpStatusCode.NotFound, $"{user} {r.Key}: {r.Value}"));
        }
        Assert.Contains(api.AuditEvents, e => e is { Action: WorkspaceFiles.DownloadAction, Outcome: AuditOutcome.Denied, Actor: Stranger, Rule: "no-role" });
    }

    [Fact]
    public async Task Should_Refuse_Anonymous_Callers()
    {
        using var folder = Create();
        await using var api = NewApi(folder);
        using var anonymous = api.CreateClient();

        var results = await TryEverythingAsync(anonymous, "a");

        Assert.All(results, r => Assert.True(r.Value == HttpStatusCode.Unauthorized, $"{r.Key}: {r.Value}"));
    }

    [Fact]
    public async Task Should_Count_Only_Invited_Shares_When_Resolving_Roles()
    {
        using var folder = Create();
        var shares = new InMemoryWorkspaceShares();
        shares.Add(new WorkspaceShare(Name, Stranger, CollaboratorRole.Modify, ShareStatus.PendingAdminApproval, false, Owner, DateTimeOffset.UtcNow));
        shares.Add(new WorkspaceShare(Name, "guest@partner.example", CollaboratorRole.CoOwner, ShareStatus.Invited, true, Owner, DateTimeOffset.UtcNow));
        await using var api = NewApi(folder, shares);
        using var pending = await api.SignedInClientAsync(Stranger);
        using var guest = await api.SignedInClientAsync("guest@partner.example");

        using var pendingList = await pending.ListAsync();
        using var guestUpload = await guest.UploadAsync("from-guest.txt", Content);
        var summaries = await guest.GetFromJsonAsync<List<WorkspaceSummary>>("/v1/workspaces", LocalApi.Json, Ct);

        Assert.Equal(HttpStatusCode.NotFound, pendingList.StatusCode);
        Assert.Equal(HttpStatusCode.Created, guestUpload.StatusCode);
        var summary = Assert.Single(summaries!);
        Assert.Equal(("projects", "Modify", true), (summary.Name, summary.Role, summary.External));
    }
}
