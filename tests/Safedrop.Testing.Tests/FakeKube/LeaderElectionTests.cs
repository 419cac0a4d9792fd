using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;
using Safedrop.Testing.FakeKube;

namespace Safedrop.Testing.Tests.FakeKube;

/// <summary>KubernetesClient's LeaderElector with a LeaseLock, as the operator elects its leader.</summary>
public sealed class LeaderElectionTests
{
    [Fact]
    public async Task Should_AcquireLeaseAndSeeSecondCandidateWait_When_TwoElectorsRun()
    {
        await using var server = await FakeKubeServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "demo" } }, cancellationToken: TestContext.Current.CancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var first = Elector(client, "pod-a");
        using var second = Elector(client, "pod-b");
        var firstLeads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondSeesLeader = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        first.OnStartedLeading += () => firstLeads.TrySetResult();
        second.OnNewLeader += leader => secondSeesLeader.TrySetResult(leader);

        var running = Task.WhenAll(first.RunUntilLeadershipLostAsync(stop.Token), Task.Run(async () =>
        {
            await firstLeads.Task;
            await second.RunUntilLeadershipLostAsync(stop.Token);
        }, stop.Token));
        await firstLeads.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var leader = await secondSeesLeader.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal("pod-a", leader);
        var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync("safedrop-operator", "demo", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("pod-a", lease.Spec.HolderIdentity);
    }

    private static LeaderElector Elector(k8s.Kubernetes client, string identity) => new(new LeaderElectionConfig(new LeaseLock(client, "demo", "safedrop-operator", identity))
    {
        LeaseDuration = TimeSpan.FromSeconds(3),
        RenewDeadline = TimeSpan.FromSeconds(2),
        RetryPeriod = TimeSpan.FromMilliseconds(200),
    });
}
