using Microsoft.Extensions.Options;
using Safedrop.Api.Caches;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Workflows.Keys;

/// <summary>
/// Keeps exactly one workflow key per in-force workflow with a copyToWorkspace action, and answers which workflow keys
/// senders must wrap a package's keycode for. A key is made when such a workflow comes into force and destroyed when it
/// leaves (deleted, not Ready, or no copy action any more): then nothing can read the packages wrapped for it.
/// </summary>
public sealed partial class WorkflowKeys(
    WorkflowKeyStore store, IKeyValueCache lockCache, IOptions<WorkflowEngineOptions> options, TimeProvider time, ILogger<WorkflowKeys> logger)
{
    private static readonly TimeSpan LockTimeToLive = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private readonly CacheLock locks = new(lockCache);

    /// <summary>Only a workflow that copies packages into a Workspace needs to read them.</summary>
    public static bool NeedsKey(CompiledWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return workflow.Actions.Any(a => a.CopyToWorkspace is not null);
    }

    /// <summary>
    /// Makes missing keys and destroys those of workflows no longer in force; one replica at a time. Returns when to look
    /// again for a key that was spared for its youth (see <see cref="WorkflowEngineOptions.KeyDestroyGrace"/>), else null.
    /// </summary>
    public async Task<TimeSpan?> ReconcileAsync(TenantConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        await using var lease = await LockAsync(cancellationToken);
        var stored = new Dictionary<string, WorkflowKey>(StringComparer.Ordinal);
        await foreach (var key in store.ListAsync(cancellationToken)) stored[key.Workflow] = key;

        foreach (var workflow in config.Workflows.Values.Where(NeedsKey))
        {
            if (stored.Remove(workflow.Name, out var existing) && existing.Owner == workflow.Owner) continue;
            var made = await store.CreateAsync(workflow.Name, workflow.Owner, cancellationToken);
            LogCreated(logger, workflow.Name, workflow.Owner, made.DeviceKeyId);
        }

        // What is left belongs to no in-force copying workflow (a former owner's key of a reused name was replaced above),
        // unless a replica with a newer configuration made it a moment ago.
        TimeSpan? lookAgainIn = null;
        var grace = options.Value.KeyDestroyGrace;
        foreach (var orphan in stored.Values)
        {
            var age = time.GetUtcNow() - orphan.CreatedAt;
            if (age < grace)
            {
                var wait = grace - age;
                lookAgainIn = lookAgainIn is { } earlier && earlier < wait ? earlier : wait;
                continue;
            }
            await store.DeleteAsync(orphan.Workflow, cancellationToken);
            LogDestroyed(logger, orphan.Workflow, orphan.DeviceKeyId);
        }
        return lookAgainIn;
    }

    /// <summary>
    /// The workflow keys of <paramref name="owners"/>' in-force copying workflows, made on the spot when the keeper has
    /// not got to them yet, so no package misses its wrap because of a race with a configuration change.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowKey>> OfOwnersAsync(TenantConfig config, IReadOnlyCollection<string> owners, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(owners);
        var found = new List<WorkflowKey>();
        foreach (var workflow in config.Workflows.Values.Where(w => NeedsKey(w) && owners.Contains(w.Owner)).OrderBy(w => w.Name, StringComparer.Ordinal))
        {
            if (await ForWorkflowAsync(workflow, cancellationToken) is { } key) found.Add(key);
        }
        return found;
    }

    /// <summary>The key of an in-force workflow; made when missing. Null when the workflow needs none.</summary>
    public async Task<WorkflowKey?> ForWorkflowAsync(CompiledWorkflow workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        if (!NeedsKey(workflow)) return null;
        if (await store.GetAsync(workflow.Name, cancellationToken) is { } key && key.Owner == workflow.Owner) return key;
        await using var lease = await LockAsync(cancellationToken);
        if (await store.GetAsync(workflow.Name, cancellationToken) is { } raced && raced.Owner == workflow.Owner) return raced;
        var made = await store.CreateAsync(workflow.Name, workflow.Owner, cancellationToken);
        LogCreated(logger, workflow.Name, workflow.Owner, made.DeviceKeyId);
        return made;
    }

    /// <summary>One writer of workflow keys across replicas, so two never make different keys for one workflow.</summary>
    private Task<CacheLease> LockAsync(CancellationToken cancellationToken) =>
        locks.AcquireAsync("workflow-keys:lock", LockTimeToLive, LockWait, "The workflow keys", cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Made workflow key {DeviceKeyId} for workflow {Workflow} of {Owner}")]
    private static partial void LogCreated(ILogger logger, string workflow, string owner, string deviceKeyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Destroyed workflow key {DeviceKeyId} of workflow {Workflow}: it is no longer an in-force workflow that copies packages")]
    private static partial void LogDestroyed(ILogger logger, string workflow, string deviceKeyId);
}
