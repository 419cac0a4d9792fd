using System.Net;
using System.Net.Http.Json;
using Safedrop.Api.Audit;
using Safedrop.Api.Dropzones;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using static Safedrop.Api.Tests.SecurityGroups.MembershipTests;
using static Safedrop.Api.Tests.SecurityGroups.SecurityGroupTenant;

namespace Safedrop.Api.Tests.SecurityGroups;

/// <summary>SPEC §2 DropzoneManager through HTTP: owners and (scoped) managers edit a Dropzone; the edit lands in its YAML.</summary>
public sealed class DropzoneManagerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Write_Settings_And_Members_Back_When_The_Owner_Edits()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);

        var response = await alice.PatchAsJsonAsync("/v1/dropzones/invoices", new
        {
            displayName = "Invoices: EU",
            retentionDays = 90,
            members = new { add = "bob@acme.example, carol@acme.example" },
            limits = new { maxFiles = 10 },
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await api.Store.WaitForAsync(s => s.Config?.Dropzones["invoices"].RetentionDays == 90, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
        var dropzone = state.Config!.Dropzones["invoices"];
        Assert.Equal(("Invoices: EU", 10), (dropzone.DisplayName, dropzone.MaxFiles));
        Assert.Equal([Bob, Carol], dropzone.Members.Order(StringComparer.Ordinal));
        var text = await File.ReadAllTextAsync(Path.Combine(folder.Path, DropzonesFile), Ct);
        Assert.Contains("  owner: alice@acme.example   # accounts payable\n  retentionDays: 90\n", text, StringComparison.Ordinal);
        Assert.EndsWith(DropzonesYaml[DropzonesYaml.IndexOf("---", StringComparison.Ordinal)..], text, StringComparison.Ordinal);
        Assert.Contains(api.AuditEvents, e => e is { Action: DropzoneSettings.UpdateAction, Actor: Alice, Rule: DropzoneManagerAccess.OwnerRule, Outcome: AuditOutcome.Succeeded });
    }

    [Fact]
    public async Task Should_Let_A_Manager_Edit_Only_The_Dropzones_Of_Their_Group()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var carol = await api.SignedInClientAsync(Carol);

        var allowed = await carol.PatchAsJsonAsync("/v1/dropzones/invoices", new { description = "Send invoices here" }, Ct);
        var refused = await carol.PatchAsJsonAsync("/v1/dropzones/receipts", new { description = "Send receipts here" }, Ct);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var problem = await AssertProblemAsync(refused, HttpStatusCode.Forbidden, ProblemTypes.PermissionMissing);
        Assert.Equal("DropzoneManager", problem.GetProperty("permission").GetString());
        Assert.Contains(api.AuditEvents, e => e is { Action: DropzoneSettings.UpdateAction, Actor: Carol, Rule: DropzoneManagerAccess.ManagerRule, Outcome: AuditOutcome.Succeeded });
    }

    [Fact]
    public async Task Should_Refuse_Naming_DropzoneManager_When_The_Caller_Neither_Owns_Nor_Manages()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var bob = await api.SignedInClientAsync(Bob);

        var problem = await AssertProblemAsync(await bob.PatchAsJsonAsync("/v1/dropzones/invoices", new { retentionDays = 5 }, Ct), HttpStatusCode.Forbidden, ProblemTypes.PermissionMissing);

        Assert.Equal("DropzoneManager", problem.GetProperty("permission").GetString());
        Assert.Equal(DropzonesYaml, await File.ReadAllTextAsync(Path.Combine(folder.Path, DropzonesFile), Ct));
    }

    [Fact]
    public async Task Should_Refuse_Values_The_Crd_Refuses_And_Write_Nothing()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);

        var response = await alice.PatchAsJsonAsync("/v1/dropzones/invoices", new { retentionDays = 0, limits = new { allowedExtensions = new[] { "pdf" } } }, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidDropzoneSettings);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("spec.retentionDays", fields);
        Assert.Contains("spec.allowedExtensions[0]", fields);
        Assert.Equal(DropzonesYaml, await File.ReadAllTextAsync(Path.Combine(folder.Path, DropzonesFile), Ct));
    }

    [Fact]
    public async Task Should_List_Bad_Member_Entries_And_Write_Nothing()
    {
        using var folder = Create();
        await using var api = new LocalApi(folder.Path);
        using var alice = await api.SignedInClientAsync(Alice);

        var response = await alice.PatchAsJsonAsync("/v1/dropzones/invoices", new { members = new { add = "mallory@elsewhere.example, nope", remove = "bob@acme.example" } }, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidMembers);
        Assert.Equal(["mallory@elsewhere.example", "nope"], Errors(problem).Select(e => e.Entry));
        Assert.Equal(DropzonesYaml, await File.ReadAllTextAsync(Path.Combine(folder.Path, DropzonesFile), Ct));
    }
}
