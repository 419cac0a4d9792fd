using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Api.Workspaces;
using static Safedrop.Api.Tests.Workspaces.WorkspaceTenant;

namespace Safedrop.Api.Tests.Workspaces;

/// <summary>The quota counts everyone's uploads, refuses up front with 507/413 and stores nothing then; replacing counts the difference, deleting frees.</summary>
public sealed class WorkspaceQuotaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const long Quota = 1024 * 1024;
    private static readonly byte[] SixHundredKiB = new byte[600 * 1024];

    private static async Task<long> UsedAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<WorkspaceSummary>($"/v1/workspaces/{Name}", LocalApi.Json, Ct))!.UsedBytes;

    [Fact]
    public async Task Should_Refuse_With_507_And_Store_Nothing_When_An_External_Upload_Filled_The_Workspace()
    {
        using var folder = Create(quota: "1Mi");
        await using var api = NewApi(folder);
        using var external = await api.SignedInClientAsync(External);
        using var owner = await api.SignedInClientAsync(Owner);

        using var first = await external.UploadAsync("external.bin", SixHundredKiB);
        var stored = api.StoredObjects();
        using var second = await owner.UploadAsync("owner.bin", SixHundredKiB);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((HttpStatusCode)507, second.StatusCode);
        var problem = await second.ProblemAsync();
        Assert.Equal(ProblemTypes.WorkspaceFull, problem.Type);
        Assert.Equal(SixHundredKiB.Length, ((JsonElement)problem.Extensions["usedBytes"]!).GetInt64());
        Assert.Equal(Quota, ((JsonElement)problem.Extensions["quotaBytes"]!).GetInt64());
        Assert.Equal(stored, api.StoredObjects());
        Assert.Equal(["external.bin"], (await owner.ListingAsync()).Files.Select(f => f.Name));
        Assert.Equal(SixHundredKiB.Length, await UsedAsync(owner));
        Assert.Contains(api.AuditEvents, e => e is { Action: WorkspaceFiles.UploadAction, Outcome: AuditOutcome.Denied, Rule: "quota-exceeded", Actor: Owner });
    }

    [Fact]
    public async Task Should_Refuse_With_413_When_The_File_Alone_Exceeds_The_Quota()
    {
        using var folder = Create(quota: "1Mi");
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);

        using var response = await editor.UploadAsync("huge.bin", new byte[Quota + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(ProblemTypes.WorkspaceFileTooLarge, problem.Type);
        Assert.Equal(0, ((JsonElement)problem.Extensions["usedBytes"]!).GetInt64());
        Assert.Equal(Quota, ((JsonElement)problem.Extensions["quotaBytes"]!).GetInt64());
        Assert.Empty(api.StoredObjects());
        Assert.Empty((await editor.ListingAsync()).Files);
    }

    [Fact]
    public async Task Should_Count_The_Difference_When_Replacing_And_Free_Space_When_Deleting()
    {
        using var folder = Create(quota: "1Mi");
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);

        using var first = await editor.UploadAsync("data.bin", SixHundredKiB);
        using var replaced = await editor.UploadAsync("DATA.bin", new byte[900 * 1024]);
        var afterReplace = await UsedAsync(editor);
        using var full = await editor.UploadAsync("more.bin", new byte[200 * 1024]);
        using var deleted = await editor.DeleteFileAsync("data.bin");
        var afterDelete = await UsedAsync(editor);
        using var fits = await editor.UploadAsync("more.bin", new byte[200 * 1024]);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(900 * 1024, afterReplace);
        Assert.Equal((HttpStatusCode)507, full.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, afterDelete);
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        Assert.Equal(200 * 1024, await UsedAsync(editor));
    }

    [Fact]
    public async Task Should_Never_Overshoot_When_Uploads_Race()
    {
        using var folder = Create(quota: "1Mi");
        await using var api = NewApi(folder);
        using var editor = await api.SignedInClientAsync(Editor);
        using var external = await api.SignedInClientAsync(External);
        var content = new byte[300 * 1024];

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? editor : external).UploadAsync($"race-{i}.bin", content)));

        Assert.True(3 == responses.Count(r => r.StatusCode == HttpStatusCode.Created), string.Join(", ", responses.Select(r => r.StatusCode)) + " " + string.Join(" | ", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)))));
        Assert.Equal(3, responses.Count(r => r.StatusCode == (HttpStatusCode)507));
        Assert.Equal(3 * content.Length, await UsedAsync(editor));
        Assert.Equal(3, api.StoredObjects().Count);
        foreach (var response in responses) response.Dispose();
    }
}
