using System.Threading.Channels;

namespace Safedrop.Api.Configuration;

public enum ReloadTrigger
{
    /// <summary>A file event: more may follow, so wait for quiet first.</summary>
    FileEvent,

    /// <summary>The poll timer: compare the content hash now.</summary>
    Poll,
}

/// <summary>
/// Signals when a folder may have changed: file system events, plus a poll every interval because
/// events get lost (network and container mounts, editors that replace files, inotify limits).
/// </summary>
public sealed class FolderWatcher : IDisposable
{
    private readonly Channel<ReloadTrigger> triggers = Channel.CreateUnbounded<ReloadTrigger>(new() { SingleReader = true });
    private readonly FileSystemWatcher? watcher;
    private readonly PeriodicTimer poll;

    public FolderWatcher(string folder, TimeSpan pollInterval, TimeProvider time, Action<Exception>? watcherUnavailable = null)
    {
        poll = new PeriodicTimer(pollInterval, time);
        try
        {
            watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnFileEvent;
            watcher.Created += OnFileEvent;
            watcher.Deleted += OnFileEvent;
            watcher.Renamed += OnFileEvent;
            watcher.Error += (_, _) => triggers.Writer.TryWrite(ReloadTrigger.FileEvent);
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            watcher?.Dispose();
            watcher = null;
            watcherUnavailable?.Invoke(e);
        }
    }

    public ChannelReader<ReloadTrigger> Triggers => triggers.Reader;

    /// <summary>Writes a <see cref="ReloadTrigger.Poll"/> every interval until cancelled.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await poll.WaitForNextTickAsync(cancellationToken)) triggers.Writer.TryWrite(ReloadTrigger.Poll);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public void Dispose()
    {
        watcher?.Dispose();
        poll.Dispose();
        triggers.Writer.TryComplete();
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e) => triggers.Writer.TryWrite(ReloadTrigger.FileEvent);
}
