using Safedrop.Api.Storage;
using Safedrop.Api.Workflows;
using Safedrop.Api.Workflows.Engine;

namespace Safedrop.Api.Tests.Workflows;

/// <summary>Run history pages newest first, across days and within a millisecond's run ids, without missing or repeating a run.</summary>
public sealed class WorkflowRunStoreTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "safedrop-run-store-tests", Guid.NewGuid().ToString("N"));
    private readonly WorkflowRunStore runs;

    public WorkflowRunStoreTests() => runs = new WorkflowRunStore(new FolderObjectStore(folder, TimeProvider.System));

    [Fact]
    public async Task Should_Page_Through_Every_Run_Newest_First_When_Following_The_Cursor()
    {
        var start = new DateTimeOffset(2026, 12, 31, 23, 59, 59, 998, TimeSpan.Zero);
        var startTimes = new[] { start, start.AddMilliseconds(1), start.AddMilliseconds(2), start.AddDays(3), start.AddMilliseconds(1) };
        var saved = new List<WorkflowRun>();
        for (var i = 0; i < startTimes.Length; i++)
        {
            var run = Run("mine", startTimes[i], $"evt-{i}");
            saved.Add(run);
            await runs.SaveAsync(run, Ct);
        }
        await runs.SaveAsync(Run("other", start.AddDays(9), "evt-x"), Ct);

        var listed = new List<WorkflowRun>();
        string? after = null;
        do
        {
            var page = await runs.ListAsync("mine", new WorkflowRunPageRequest(2, after), Ct);
            Assert.InRange(page.Runs.Count, 1, 2);
            listed.AddRange(page.Runs);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(saved.Count, listed.Select(r => r.Id).Distinct().Count());
        Assert.Equal(saved.Select(r => r.StartedAt).OrderDescending(), listed.Select(r => r.StartedAt));
        Assert.All(listed, r => Assert.Equal("mine", r.Workflow));
    }

    private static WorkflowRun Run(string workflow, DateTimeOffset startedAt, string eventId) =>
        new(WorkflowRunStore.NewRunId(startedAt, eventId), workflow, "alice@acme.example", "PackageReceived", eventId,
            startedAt, startedAt.AddSeconds(1), WorkflowRunState.Succeeded, 1, []);

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
