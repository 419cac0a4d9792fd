using System.Threading.Channels;

namespace Safedrop.Testing.FakeKube.Storage;

/// <summary>A live feed of changes for one watch; disposing it stops the feed.</summary>
internal sealed class WatchSubscription(Func<StoredEvent, bool> filter, Action<WatchSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<StoredEvent> channel = Channel.CreateUnbounded<StoredEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<StoredEvent> Events => channel.Reader;

    public void Offer(StoredEvent change)
    {
        if (filter(change)) channel.Writer.TryWrite(change);
    }

    public void Dispose()
    {
        unsubscribe(this);
        channel.Writer.TryComplete();
    }
}
