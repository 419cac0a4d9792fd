using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Configuration;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests;

public class FolderWatcherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Should_SignalPoll_When_PollIntervalElapses()
    {
        using var folder = TenantFolder.Create();
        var time = new FakeTimeProvider();
        using var watcher = new FolderWatcher(folder.Path, TimeSpan.FromSeconds(1), time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var polling = watcher.PollAsync(stop.Token);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ReloadTrigger.Poll, await watcher.Triggers.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.Current.CancellationToken));
        await stop.CancelAsync();
        await polling;
    }

    [Fact]
    public async Task Should_NotSignalPoll_When_IntervalHasNotElapsed()
    {
        using var folder = TenantFolder.Create();
        var time = new FakeTimeProvider();
        using var watcher = new FolderWatcher(folder.Path, TimeSpan.FromSeconds(1), time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var polling = watcher.PollAsync(stop.Token);

        time.Advance(TimeSpan.FromMilliseconds(999));
        await stop.CancelAsync();
        await polling;

        Assert.False(watcher.Triggers.TryRead(out _));
    }

    [Fact]
    public async Task Should_SignalFileEvent_When_YamlFileIsWritten()
    {
        using var folder = TenantFolder.Create();
        using var watcher = new FolderWatcher(folder.Path, TimeSpan.FromSeconds(1), new FakeTimeProvider());

        folder.Write("nested/dropzone.yaml", TenantYaml.Dropzone());

        Assert.Equal(ReloadTrigger.FileEvent, await watcher.Triggers.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.Current.CancellationToken));
    }
}
