using System.Runtime.CompilerServices;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Safedrop.Operator.Runtime.Watch;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Tests.Runtime;

public class ResourceCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_ListThenApplyWatchEvents()
    {
        var source = new ScriptedSource();
        source.Lists.Enqueue(new([Dz("a", "10")], "10"));
        var (cache, changes, run, stop) = Start(source);

        await cache.Synced.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        await source.Send(new(WatchEventType.Added, Dz("b", "11")));
        await source.Send(new(WatchEventType.Modified, Dz("a", "12")));
        await source.Send(new(WatchEventType.Deleted, Dz("b", "13")));

        Assert.Equal(["Added a", "Added b", "Modified a", "Deleted b"], await changes.Take(4));
        Assert.Equal("12", cache.Get(new ObjectKey("acme", "a"))!.Metadata.ResourceVersion);
        Assert.Null(cache.Get(new ObjectKey("acme", "b")));
        Assert.Equal("13", cache.ResourceVersion);
        Assert.Equal(["10"], source.WatchedFrom);
        await stop();
    }

    [Fact]
    public async Task Should_AdvanceTheResourceVersion_When_ABookmarkArrives()
    {
        var source = new ScriptedSource();
        source.Lists.Enqueue(new([], "10"));
        var (cache, _, _, stop) = Start(source);
        await cache.Synced.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        await source.Send(new(WatchEventType.Bookmark, null, BookmarkResourceVersion: "42"));
        source.EndStream(); // the server closes the watch; the cache rewatches from the bookmark

        Assert.Equal("10", await source.NextWatchFrom.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Ct));
        Assert.Equal("42", await source.NextWatchFrom.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Ct));
        Assert.Equal(1, cache.Lists);
        await stop();
    }

    [Fact]
    public async Task Should_Relist_When_TheWatchExpires()
    {
        var source = new ScriptedSource();
        source.Lists.Enqueue(new([Dz("a", "10"), Dz("b", "10")], "10"));
        source.Lists.Enqueue(new([Dz("a", "30")], "30"));
        var (cache, changes, _, stop) = Start(source);
        await cache.Synced.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        await source.Send(new(WatchEventType.Error, null, Error: new V1Status { Code = 410, Reason = "Expired" }));

        // b disappeared while the history was lost: the relist reports it deleted.
        Assert.Equal(["Added a", "Added b", "Modified a", "Deleted b"], await changes.Take(4));
        Assert.Equal((2, "30"), (cache.Lists, cache.ResourceVersion));
        await stop();
    }

    private static Dropzone Dz(string name, string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "acme", ResourceVersion = resourceVersion } };

    private static (ResourceCache<Dropzone>, ChangeLog, Task, Func<Task>) Start(ScriptedSource source)
    {
        var cache = new ResourceCache<Dropzone>(source, TimeProvider.System, NullLogger.Instance);
        var changes = new ChangeLog();
        cache.Changed += (type, item) => changes.Add($"{type} {item.Metadata.Name}");
        var cts = new CancellationTokenSource();
        var run = cache.RunAsync(cts.Token);
        return (cache, changes, run, async () =>
        {
            await cts.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(5));
            cts.Dispose();
        });
    }

    private sealed class ChangeLog
    {
        private readonly Channel<string> channel = Channel.CreateUnbounded<string>();

        public void Add(string change) => channel.Writer.TryWrite(change);

        public async Task<List<string>> Take(int count)
        {
            var result = new List<string>();
            while (result.Count < count) result.Add(await channel.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Ct));
            return result;
        }
    }

    /// <summary>A source whose list answers and watch events the test decides.</summary>
    private sealed class ScriptedSource : IResourceSource<Dropzone>
    {
        private Channel<WatchNotification<Dropzone>?> stream = Channel.CreateUnbounded<WatchNotification<Dropzone>?>();

        public Queue<ResourceList<Dropzone>> Lists { get; } = new();
        public List<string> WatchedFrom { get; } = [];
        public Channel<string> NextWatchFrom { get; } = Channel.CreateUnbounded<string>();

        public string Kind => "Dropzone";

        public Task<ResourceList<Dropzone>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(Lists.Dequeue());

        public async IAsyncEnumerable<WatchNotification<Dropzone>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            WatchedFrom.Add(resourceVersion);
            NextWatchFrom.Writer.TryWrite(resourceVersion);
            var current = stream;
            while (await current.Reader.ReadAsync(cancellationToken) is { } notification) yield return notification;
        }

        public Task Send(WatchNotification<Dropzone> notification) => stream.Writer.WriteAsync(notification).AsTask();

        public void EndStream()
        {
            stream.Writer.TryWrite(null);
            stream = Channel.CreateUnbounded<WatchNotification<Dropzone>?>();
        }
    }
}
