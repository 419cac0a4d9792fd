using Microsoft.Extensions.Options;
using Safedrop.Resources.Manifests;

namespace Safedrop.Api.Configuration;

/// <summary>
/// Local mode's config source: compiles the folder at start, then again whenever its content
/// changes, and publishes each result to the <see cref="TenantConfigStore"/>. A folder with problems
/// is not compiled: the last valid configuration stays in force and each problem is logged at file:line.
/// </summary>
public sealed class LocalFolderConfigSource(
    TenantConfigStore store,
    IOptions<SafedropOptions> safedrop,
    IOptions<LocalModeOptions> options,
    TimeProvider time,
    ILogger<LocalFolderConfigSource> logger) : BackgroundService
{
    private ManifestFolder? folder;
    private TenantFolderCompiler? compiler;
    private string? loadedHash;
    private string? printedTable;
    private string? lastReadFailure;

    /// <summary>
    /// The first compilation happens before the server listens, so the first request already sees it,
    /// and a folder that names no tenant to serve stops the process with the reason.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (safedrop.Value.Mode != SafedropMode.Local) return;

        var local = options.Value;
        folder = new ManifestFolder(local.Folder!);
        var snapshot = folder.Read();
        var manifests = ManifestReader.Read(snapshot.Sources);
        var (served, error) = NamespaceSelector.Select(manifests, local.Namespace, ManifestFolder.DisplayPath(folder.Path));
        if (served is null)
        {
            ConfigurationLog.CannotStart(logger, error!);
            throw new InvalidOperationException(error);
        }

        ConfigurationLog.Serving(logger, served, ManifestFolder.DisplayPath(folder.Path));
        compiler = new TenantFolderCompiler(served, time);
        Apply(snapshot.ContentHash, () => manifests);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var local = options.Value;
        using var watcher = new FolderWatcher(folder!.Path, local.PollInterval, time,
            e => ConfigurationLog.WatcherUnavailable(logger, e.Message, local.PollInterval));
        var polling = watcher.PollAsync(stoppingToken);
        try
        {
            while (await watcher.Triggers.WaitToReadAsync(stoppingToken))
            {
                if (DrainFileEvents(watcher))
                {
                    await Task.Delay(local.ReloadDebounce, time, stoppingToken);
                    DrainFileEvents(watcher);
                }

                ReloadIfChanged();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await polling;
    }

    private static bool DrainFileEvents(FolderWatcher watcher)
    {
        var any = false;
        while (watcher.Triggers.TryRead(out var trigger)) any |= trigger == ReloadTrigger.FileEvent;
        return any;
    }

    private void ReloadIfChanged()
    {
        FolderSnapshot snapshot;
        try
        {
            snapshot = folder!.Read();
            lastReadFailure = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Logged once per distinct failure: the poll retries every second.
            if (e.Message != lastReadFailure) ConfigurationLog.ReadFailed(logger, e.Message);
            lastReadFailure = e.Message;
            return;
        }

        if (snapshot.ContentHash == loadedHash) return;
        Apply(snapshot.ContentHash, () => ManifestReader.Read(snapshot.Sources));
    }

    private void Apply(string contentHash, Func<ManifestSet> read)
    {
        loadedHash = contentHash;
        TenantState next;
        try
        {
            next = compiler!.Compile(read(), store.Current);
        }
#pragma warning disable CA1031 // A bug in reading or compiling must not take down a running API: the last valid config stays in force.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ConfigurationLog.CompileFailed(logger, e);
            var problem = new ManifestProblem(
                new SourceLocation(ManifestFolder.DisplayPath(folder!.Path), 0),
                $"Safedrop could not compile the folder ({e.GetType().Name}: {e.Message}). This is a bug; the last valid configuration stays in force.");
            next = store.Current with { Namespace = compiler!.Namespace, Problems = [problem], CheckedAt = time.GetUtcNow() };
        }

        Report(store.Publish(next));
    }

    private void Report(TenantState state)
    {
        if (state.Problems.Count > 0)
        {
            foreach (var problem in state.Problems) ConfigurationLog.ManifestProblem(logger, problem.Location.ToString(), problem.Message);
            ConfigurationLog.KeptLastValid(logger, state.Problems.Count, state.Compilation is null
                ? "no valid configuration was loaded yet, so the API is not ready"
                : $"revision {state.Config!.Revision} compiled at {state.CompiledAt:O} stays in force");
            return;
        }

        ConfigurationLog.Compiled(logger, state.Config!.Revision, state.Resources.Count(r => r.IsReady), state.Resources.Count);
        var table = StatusTable.Format(state.Resources);
        if (table == printedTable) return;
        ConfigurationLog.StatusTable(logger, table);
        printedTable = table;
    }
}
