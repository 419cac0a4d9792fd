using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Safedrop.Api.Audit;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests.Audit;

/// <summary>
/// <c>GET /v1/admin/audit</c> and <c>/verify</c> over HTTP. The log holds 30 records, one a minute from
/// <see cref="AuditHarness.Start"/> + 1 min: record i by alice (i &lt;= 15) or bob, action auth.pin.verify
/// (i % 3 == 1), package.open (i % 3 == 2) or auth.sign-out (i % 3 == 0), resource package/p{i % 4}.
/// </summary>
public sealed class AuditEndpointsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_PageThroughEveryRecordNewestFirst_When_FollowingNextCursor()
    {
        await using var api = await SeededAsync();
        using var client = api.Client();

        var seen = new List<long>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await GetPageAsync(client, "pageSize=7" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.InRange(page.Items.Count, 1, 7);
            seen.AddRange(page.Items.Select(r => r.Sequence));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(1, 30).Reverse().Select(i => (long)i), seen);
        Assert.Equal(5, pages);
    }

    [Theory]
    [InlineData("actor=BOB@acme.example", new[] { 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16 })]
    [InlineData("action=package.open", new[] { 29, 26, 23, 20, 17, 14, 11, 8, 5, 2 })]
    [InlineData("action=auth.", new[] { 30, 28, 27, 25, 24, 22, 21, 19, 18, 16, 15, 13, 12, 10, 9, 7, 6, 4, 3, 1 })]
    [InlineData("action=auth", new int[0])]
    [InlineData("resource=package/p1", new[] { 29, 25, 21, 17, 13, 9, 5, 1 })]
    [InlineData("from=2025-03-01T09:10:00Z&to=2025-03-01T09:20:00Z", new[] { 19, 18, 17, 16, 15, 14, 13, 12, 11, 10 })]
    [InlineData("from=2025-03-01T10:10:00%2B01:00&to=2025-03-01T09:13:00Z&actor=alice@acme.example&action=auth.", new[] { 12, 10 })]
    public async Task Should_ReturnOnlyMatchingRecords_When_Filtered(string query, int[] sequences)
    {
        await using var api = await SeededAsync();
        using var client = api.Client();

        var page = await GetPageAsync(client, query + "&pageSize=100");

        Assert.Equal(sequences.Select(i => (long)i), page.Items.Select(r => r.Sequence));
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Should_ReturnWholeRecords_When_Queried()
    {
        await using var api = await SeededAsync();
        using var client = api.Client();

        var record = Assert.Single((await GetPageAsync(client, "pageSize=1")).Items);

        Assert.Equal((30L, "auth.sign-out", "bob@acme.example", "package/p2", AuditOutcome.Succeeded), (record.Sequence, record.Action, record.Actor, record.Resource, record.Outcome));
        Assert.Equal(AuditHarness.Start.AddMinutes(30), record.Time);
        Assert.Equal(64, record.Hash.Length);
        Assert.Equal(AuditRecordFormat.ComputeHash(record), record.Hash);
    }

    [Theory]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("cursor=0", "cursor")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2025-13-01", "to")]
    [InlineData("from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z", "after")]
    [InlineData("actor=%20", "actor")]
    public async Task Should_Answer400WithAClearDetail_When_AFilterOrCursorIsInvalid(string query, string named)
    {
        await using var api = await AuditApi.StartAsync();
        using var client = api.Client();

        var response = await client.GetAsync("/v1/admin/audit?" + query, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Cancel);
        Assert.Equal(ProblemTypes.AuditQueryInvalid, problem!.Type);
        Assert.Contains(named, problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/admin/audit", null, HttpStatusCode.Unauthorized)]
    [InlineData("/v1/admin/audit", "alice@acme.example", HttpStatusCode.Forbidden)]
    [InlineData("/v1/admin/audit/verify", null, HttpStatusCode.Unauthorized)]
    [InlineData("/v1/admin/audit/verify", "alice@acme.example", HttpStatusCode.Forbidden)]
    public async Task Should_RefuseAnyoneButAnAdmin_When_ReadingTheAuditLog(string path, string? signedInAs, HttpStatusCode expected)
    {
        await using var api = await SeededAsync();
        using var client = api.Client(signedInAs);

        var response = await client.GetAsync(path, Cancel);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_ReportOkAndTheCount_When_VerifyingAnIntactLog()
    {
        await using var api = await SeededAsync();
        using var client = api.Client();

        using var verification = JsonDocument.Parse(await client.GetStringAsync("/v1/admin/audit/verify", Cancel));

        Assert.True(verification.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(30, verification.RootElement.GetProperty("records").GetInt64());
        Assert.False(verification.RootElement.TryGetProperty("firstBrokenSequence", out _));
    }

    [Fact]
    public async Task Should_ReportTheFirstBrokenSequenceAndWhy_When_VerifyingATamperedLog()
    {
        await using var api = await SeededAsync();
        using var client = api.Client();
        // Sequential records each went into their own segment.
        await api.Store.DeleteAsync(AuditKeys.Segment(10), Cancel);

        var verification = await client.GetFromJsonAsync<AuditVerification>("/v1/admin/audit/verify", LocalApi.Json, Cancel);

        Assert.Equal((false, 9L, 10L, AuditBreakReasons.Gap), (verification!.Ok, verification.Records, verification.FirstBrokenSequence, verification.Reason));
    }

    private static async Task<AuditApi> SeededAsync()
    {
        var api = await AuditApi.StartAsync();
        string[] actions = ["auth.sign-out", "auth.pin.verify", "package.open"];
        for (var i = 1; i <= 30; i++)
        {
            api.Time.Advance(TimeSpan.FromMinutes(1));
            var actor = i <= 15 ? "alice@acme.example" : "bob@acme.example";
            await api.Log.RecordAsync(new AuditEvent(actions[i % 3], actor, $"package/p{i % 4}", AuditOutcome.Succeeded), Cancel);
        }

        return api;
    }

    private static async Task<AuditPage> GetPageAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/v1/admin/audit?" + query, Cancel);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<AuditPage>(LocalApi.Json, Cancel))!;
    }
}
