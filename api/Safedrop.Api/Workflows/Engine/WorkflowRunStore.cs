using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Safedrop.Api.Storage;
using Safedrop.Api.Workflows.Events;
using Safedrop.Api.Workflows.Status;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>
/// Run records (<c>workflows/runs/{workflow}/{newest-first key}.json</c>, so a page of history is the start of a listing,
/// whatever the number of runs) and the idempotency
/// index (<c>workflows/keys/{event hour}/{workflow}/{hash of event id}</c> → run id) that makes one event one run per
/// workflow; filed by the event's hour so that retention drops old keys without reading the recent ones.
/// </summary>
public sealed class WorkflowRunStore(IObjectStore store) : IWorkflowRuns
{
    private const string RunsPrefix = "workflows/runs/";
    public const string KeysPrefix = "workflows/keys/";
    private const int RunIdTimeDigits = 17;

    public static string NewRunId(DateTimeOffset startedAt, string eventId) =>
        startedAt.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + EventHash(eventId)[..16];

    public async Task<WorkflowRun?> GetAsync(string workflow, string runId, CancellationToken cancellationToken)
    {
        await using var content = await store.OpenReadAsync(RunKey(workflow, runId), cancellationToken);
        return content is null ? null : await JsonSerializer.DeserializeAsync<WorkflowRun>(content, WorkflowJson.Options, cancellationToken);
    }

    public Task SaveAsync(WorkflowRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return PutAsync(RunKey(run.Workflow, run.Id), JsonSerializer.SerializeToUtf8Bytes(run, WorkflowJson.Options), cancellationToken);
    }

    /// <summary>The run already started for this workflow and event, if any.</summary>
    public async Task<string?> RunIdForAsync(string workflow, WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        await using var content = await store.OpenReadAsync(IdempotencyKey(workflow, workflowEvent), cancellationToken);
        if (content is null) return null;
        using var reader = new StreamReader(content, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    public Task ClaimAsync(string workflow, WorkflowEvent workflowEvent, string runId, CancellationToken cancellationToken) =>
        PutAsync(IdempotencyKey(workflow, workflowEvent), Encoding.UTF8.GetBytes(runId), cancellationToken);

    public async Task<WorkflowRunPage> ListAsync(string workflow, WorkflowRunPageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(page.Limit);
        // Keys list newest first; the cursor is the last id of the previous page. The listing stops after one page.
        var after = page.After is null ? null : RunKey(workflow, page.After);
        var older = new List<string>(page.Limit + 1);
        await foreach (var info in store.ListAsync($"{RunsPrefix}{workflow}/", cancellationToken))
        {
            if (!info.Key.EndsWith(".json", StringComparison.Ordinal) || (after is not null && string.CompareOrdinal(info.Key, after) <= 0)) continue;
            older.Add(info.Key);
            if (older.Count > page.Limit) break;
        }
        var runs = new List<WorkflowRun>();
        foreach (var key in older.Take(page.Limit))
        {
            await using var content = await store.OpenReadAsync(key, cancellationToken);
            if (content is not null && await JsonSerializer.DeserializeAsync<WorkflowRun>(content, WorkflowJson.Options, cancellationToken) is { } run)
                runs.Add(run);
        }
        return new WorkflowRunPage(runs, older.Count > page.Limit && runs.Count > 0 ? runs[^1].Id : null);
    }

    /// <summary>
    /// Counts and last run over every run record of the workflow (local mode's list answer: reads each record, which
    /// a cluster avoids by keeping the figures in the resource's status).
    /// </summary>
    public async Task<WorkflowRunFigures> FiguresAsync(string workflow, CancellationToken cancellationToken)
    {
        var figures = WorkflowRunFigures.None;
        await foreach (var info in store.ListAsync($"{RunsPrefix}{workflow}/", cancellationToken))
        {
            if (!info.Key.EndsWith(".json", StringComparison.Ordinal)) continue;
            await using var content = await store.OpenReadAsync(info.Key, cancellationToken);
            if (content is not null && await JsonSerializer.DeserializeAsync<WorkflowRun>(content, WorkflowJson.Options, cancellationToken) is
                { State: WorkflowRunState.Succeeded or WorkflowRunState.Failed } run)
                figures = figures.Add(run);
        }
        return figures;
    }

    private static string RunKey(string workflow, string runId) => $"{RunsPrefix}{workflow}/{NewestFirst(runId)}.json";

    /// <summary>
    /// The run id with its leading start time (yyyyMMddHHmmssfff) digit-complemented (d → 9 − d): later runs get smaller
    /// keys, and object stores list in ascending key order.
    /// </summary>
    private static string NewestFirst(string runId) =>
        string.Create(runId.Length, runId, (chars, id) =>
        {
            for (var i = 0; i < id.Length; i++) chars[i] = i < RunIdTimeDigits && char.IsAsciiDigit(id[i]) ? (char)('9' - id[i] + '0') : id[i];
        });

    private static string IdempotencyKey(string workflow, WorkflowEvent workflowEvent)
    {
        ArgumentNullException.ThrowIfNull(workflowEvent);
        return $"{KeysPrefix}{WorkflowEventKeys.Hour(workflowEvent.OccurredAt)}/{workflow}/{EventHash(workflowEvent.Id)}";
    }

    private static string EventHash(string eventId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)));

    private async Task PutAsync(string key, byte[] bytes, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(bytes);
        await store.PutAsync(key, content, bytes.Length, cancellationToken);
    }
}
