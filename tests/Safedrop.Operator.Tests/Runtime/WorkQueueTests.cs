using Microsoft.Extensions.Time.Testing;
using Safedrop.Operator.Runtime.Queue;

namespace Safedrop.Operator.Tests.Runtime;

public class WorkQueueTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<string?> Next(WorkQueue<string> queue) => queue.NextAsync(Ct).WaitAsync(Timeout, Ct);

    private WorkQueue<string> NewQueue() => new(RateLimiters.Default<string>(time, TimeSpan.FromSeconds(30)), time);

    [Fact]
    public async Task Should_HandOutAKeyOnce_When_ItIsAddedTwiceBeforeProcessing()
    {
        using var queue = NewQueue();
        queue.Add("acme/support");
        queue.Add("acme/support");
        queue.Add("acme/legal");

        Assert.Equal(2, queue.Length);
        Assert.Equal("acme/support", await Next(queue));
        Assert.Equal("acme/legal", await Next(queue));
    }

    [Fact]
    public async Task Should_NotHandAKeyToTwoWorkers_When_ItIsAddedWhileBeingProcessed()
    {
        using var queue = NewQueue();
        queue.Add("k");
        var key = await Next(queue);

        queue.Add("k");
        var second = queue.NextAsync(Ct);
        await Task.Yield();
        Assert.False(second.IsCompleted);
        Assert.Equal(0, queue.Length);

        queue.Done(key!);
        Assert.Equal("k", await second.WaitAsync(Timeout, Ct));
    }

    [Fact]
    public void Should_BackOffExponentially_When_AKeyKeepsFailing()
    {
        var limiter = new ExponentialBackoffLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1));

        var delays = Enumerable.Range(0, 10).Select(_ => limiter.NextDelay("k").TotalMilliseconds).ToList();

        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000], delays);
        limiter.Forget("k");
        Assert.Equal(5, limiter.NextDelay("k").TotalMilliseconds);
    }

    [Fact]
    public async Task Should_RequeueAFailedKeyOnlyAfterItsBackoff()
    {
        using var queue = NewQueue();
        queue.AddRateLimited("k"); // 5 ms
        queue.AddRateLimited("k"); // an earlier pending add wins over the later 10 ms one
        Assert.Equal((0, 1), (queue.Length, queue.Delayed));

        time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.Equal(0, queue.Length);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("k", await Next(queue));
        Assert.Equal(2, queue.Failures("k"));
    }

    [Fact]
    public void Should_LimitRetriesGlobally_When_ManyKeysFailAtOnce()
    {
        var bucket = new TokenBucketLimiter<string>(perSecond: 10, burst: 3, time);

        var delays = Enumerable.Range(0, 5).Select(i => bucket.NextDelay($"k{i}")).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], delays);
    }

    [Fact]
    public async Task Should_DrainQueuedKeysThenStop_When_ShutDown()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.ShutDown();
        queue.Add("b");

        Assert.Equal("a", await Next(queue));
        Assert.Null(await Next(queue));
        Assert.Null(await Next(queue));
    }
}
