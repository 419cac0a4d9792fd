using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.SecurityGroups;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Tests.WriteBack;
using Safedrop.Api.WriteBack;
using static Safedrop.Api.Tests.SecurityGroups.SecurityGroupTenant;

namespace Safedrop.Api.Tests.SecurityGroups;

/// <summary>SPEC §2 through HTTP in local mode: admins manage members; changes land in the YAML and are enforced from there.</summary>
public sealed class MembershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Generous bound for the test; the 2-second target is measured and printed.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Should_Write_The_Member_Audit_It_And_Enforce_It_Soon_After_The_Answer_When_An_Admin_Adds_One()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var admin = await api.SignedInClientAsync(AdminUser);
        using var alice = await api.SignedInClientAsync(Alice);
        Assert.False(await alice.HoldsAsync("ApiKeys"));

        var response = await admin.AddMembersAsync("api-users", " Alice@ACME.example ");
        var answeredAt = Stopwatch.GetTimestamp();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("written").GetBoolean());
        Assert.Equal(2, body.GetProperty("generation").GetInt64());
        Assert.Equal([Alice], body.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        var latency = await WaitUntilAsync(api, () => alice.HoldsAsync("ApiKeys"), answeredAt);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"enforcement latency (answer → /v1/me shows ApiKeys): {latency.TotalMilliseconds:F0} ms"));
        Assert.Contains(GroupsYaml.BobLine + "    - alice@acme.example\n", await File.ReadAllTextAsync(folder.GroupsFile(), Ct), StringComparison.Ordinal);
        Assert.Contains(api.AuditEvents, e => e is { Action: SecurityGroupMembership.AddAction, Actor: AdminUser, Resource: "securitygroup/api-users", Outcome: AuditOutcome.Succeeded }
            && e.Details!["members"] == Alice);
    }

    [Fact]
    public async Task Should_Add_Fifty_At_Once_When_The_List_Is_Comma_Separated()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var admin = await api.SignedInClientAsync(AdminUser);
        var fifty = Enumerable.Range(0, 50).Select(i => $"user{i}@acme.example").ToList();

        var response = await admin.AddMembersAsync("api-users", string.Join(", ", fifty));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(51, (await response.JsonAsync()).GetProperty("memberCount").GetInt32());
        var state = await api.Store.WaitForAsync(s => s.Config?.SecurityGroups["api-users"].Members.Count == 51, Ct).WaitAsync(Patience, Ct);
        Assert.Superset(fifty.ToHashSet(), state.Config!.SecurityGroups["api-users"].Members.ToHashSet());
    }

    [Fact]
    public async Task Should_Refuse_Fifty_One_And_Change_Nothing()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var admin = await api.SignedInClientAsync(AdminUser);

        var response = await admin.AddMembersAsync("api-users", string.Join(",", Enumerable.Range(0, 51).Select(i => $"user{i}@acme.example")));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidMembers);
        Assert.Contains(Errors(problem), e => e.Reason == MemberList.Reasons.TooMany && e.Entry is null);
        Assert.Equal(GroupsYaml.Text, await File.ReadAllTextAsync(folder.GroupsFile(), Ct));
    }

    [Fact]
    public async Task Should_List_Every_Bad_Entry_And_Change_Nothing_When_Any_Entry_Is_Bad()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var admin = await api.SignedInClientAsync(AdminUser);

        var response = await admin.AddMembersAsync("api-users", "dave@acme.example, not-an-address, mallory@elsewhere.example, DAVE@acme.example, bob@acme.example, erin@acme.example");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidMembers);
        Assert.Equal(
        [
            ("not-an-address", MemberList.Reasons.Malformed),
            ("mallory@elsewhere.example", MemberList.Reasons.NotRegistered),
            ("DAVE@acme.example", MemberList.Reasons.Duplicate),
            ("bob@acme.example", MemberList.Reasons.AlreadyMember),
        ], Errors(problem).Select(e => (e.Entry, e.Reason)));
        Assert.Equal(GroupsYaml.Text, await File.ReadAllTextAsync(folder.GroupsFile(), Ct));
        Assert.DoesNotContain(api.AuditEvents, e => e is { Action: SecurityGroupMembership.AddAction, Outcome: AuditOutcome.Succeeded });
    }

    [Fact]
    public async Task Should_Remove_The_Member_Line_And_Enforce_It_When_An_Admin_Removes_A_Member()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var admin = await api.SignedInClientAsync(AdminUser);
        using var bob = await api.SignedInClientAsync(Bob);
        Assert.True(await bob.HoldsAsync("ApiKeys"));

        var response = await admin.DeleteAsync("/v1/admin/security-groups/api-users/members/BOB@acme.example", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitUntilAsync(api, async () => !await bob.HoldsAsync("ApiKeys"));
        // The last member gone, the list is written empty; the rest of the file keeps its bytes.
        var expected = GroupsYaml.Text.Replace("  members:\n    # the platform team\n" + GroupsYaml.BobLine, "  members: []\n", StringComparison.Ordinal);
        Assert.Equal(expected, await File.ReadAllTextAsync(folder.GroupsFile(), Ct));
        Assert.Contains(api.AuditEvents, e => e is { Action: SecurityGroupMembership.RemoveAction, Actor: AdminUser, Outcome: AuditOutcome.Succeeded } && e.Details!["members"] == Bob);
        await AssertProblemAsync(await admin.DeleteAsync("/v1/admin/security-groups/api-users/members/bob@acme.example", Ct), HttpStatusCode.NotFound, ProblemTypes.MemberNotFound);
    }

    [Fact]
    public async Task Should_List_Groups_With_Permissions_Members_And_Dropzones()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var admin = await api.SignedInClientAsync(AdminUser);

        var groups = await admin.GetFromJsonAsync<SecurityGroupSummary[]>("/v1/admin/security-groups", LocalApi.Json, Ct);

        Assert.Equal(
        [
            ("api-users", "ApiKeys", Bob, ""),
            ("managers", "DropzoneManager", Carol, "invoices"),
        ], groups!.Select(g => (g.Name, string.Join(",", g.Permissions), string.Join(",", g.Members), string.Join(",", g.Dropzones))));
    }

    [Fact]
    public async Task Should_Refuse_And_Write_Nothing_When_The_Caller_Is_Not_An_Admin()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);

        var added = await alice.AddMembersAsync("api-users", Alice);
        var removed = await alice.DeleteAsync("/v1/admin/security-groups/api-users/members/bob@acme.example", Ct);
        var listed = await alice.GetAsync("/v1/admin/security-groups", Ct);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { added.StatusCode, removed.StatusCode, listed.StatusCode });
        Assert.Equal(GroupsYaml.Text, await File.ReadAllTextAsync(folder.GroupsFile(), Ct));
    }

    [Fact]
    public async Task Should_Answer_A_Clear_Problem_When_The_Plan_Has_No_Security_Groups()
    {
        using var folder = Create(plan: "Team");
        await using var api = new LocalApi(folder.Path);
        using var admin = await api.SignedInClientAsync(AdminUser);

        var problem = await AssertProblemAsync(await admin.AddMembersAsync("api-users", Alice), HttpStatusCode.Forbidden, ProblemTypes.SecurityGroupsUnavailable);

        Assert.Contains("Team", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(await admin.GetAsync("/v1/admin/security-groups", Ct), HttpStatusCode.Forbidden, ProblemTypes.SecurityGroupsUnavailable);
        Assert.Equal(GroupsYaml.Text, await File.ReadAllTextAsync(folder.GroupsFile(), Ct));
    }

    [Fact]
    public async Task Should_Keep_A_Git_Edit_Made_Between_The_Apis_Read_And_Write()
    {
        using var folder = Create();
        var gitEdits = 0;
        await using var api = new LocalApi(folder.Path)
        {
            ConfigureTestServices = services => services.AddSingleton<IResourceWriter>(sp => new InterleavingWriter(sp.GetRequiredService<LocalYamlResourceWriter>(), () =>
            {
                if (Interlocked.Increment(ref gitEdits) > 1) return;
                // `git pull` brings another member and another field into the same file.
                var text = File.ReadAllText(folder.GroupsFile())
                    .Replace(GroupsYaml.BobLine, GroupsYaml.BobLine + "    - dave@acme.example\n", StringComparison.Ordinal)
                    .Replace("\"API users\"", "\"API users (from Git)\"", StringComparison.Ordinal);
                File.WriteAllText(folder.GroupsFile(), text);
            })),
        };
        using var admin = await api.SignedInClientAsync(AdminUser);

        var response = await admin.AddMembersAsync("api-users", Alice);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await api.Store.WaitForAsync(s => s.Config?.SecurityGroups["api-users"].Members.Count == 3, Ct).WaitAsync(Patience, Ct);
        var group = state.Config!.SecurityGroups["api-users"];
        Assert.Equal(["alice@acme.example", "bob@acme.example", "dave@acme.example"], group.Members.Order(StringComparer.Ordinal));
        Assert.Equal("API users (from Git)", group.DisplayName);
        Assert.Contains("    - dave@acme.example\n    - alice@acme.example\n", await File.ReadAllTextAsync(folder.GroupsFile(), Ct), StringComparison.Ordinal);
    }

    /// <summary>How long after <paramref name="since"/> (default now) <paramref name="condition"/> (checked through HTTP) first holds; awaits each config change, no sleeps.</summary>
    internal static async Task<TimeSpan> WaitUntilAsync(LocalApi api, Func<Task<bool>> condition, long? since = null)
    {
        var start = since ?? Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Patience);
        while (true)
        {
            var changed = api.Store.Changed;
            if (await condition()) return Stopwatch.GetElapsedTime(start);
            await changed.WaitAsync(timeout.Token);
        }
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(type, problem.GetProperty("type").GetString());
        return problem;
    }

    internal static IReadOnlyList<MemberEntryError> Errors(JsonElement problem) =>
        problem.GetProperty("errors").Deserialize<MemberEntryError[]>(LocalApi.Json)!;

    /// <summary>The real writer, with <c>interleave</c> run inside the change, that is after the writer read the file and before it writes.</summary>
    private sealed class InterleavingWriter(IResourceWriter inner, Action interleave) : IResourceWriter
    {
        public Task CreateAsync<T>(T resource, CancellationToken cancellationToken) where T : class, Resources.Model.ISafedropResource, new() =>
            inner.CreateAsync(resource, cancellationToken);

        public Task<bool> UpdateAsync<T>(string name, Func<T, bool> change, CancellationToken cancellationToken) where T : class, Resources.Model.ISafedropResource, new() =>
            inner.UpdateAsync<T>(name, r =>
            {
                interleave();
                return change(r);
            }, cancellationToken);

        public Task<bool> DeleteAsync<T>(string name, Func<T, bool> allow, CancellationToken cancellationToken) where T : class, Resources.Model.ISafedropResource, new() =>
            inner.DeleteAsync(name, allow, cancellationToken);
    }
}
