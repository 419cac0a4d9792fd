using System.Net;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Safedrop.Operator.Runtime.LeaderElection;
using Safedrop.Operator.Runtime.Watch;
using Safedrop.Operator.Tests.Chart;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using Safedrop.Testing;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Operator.Tests.Behaviour;

/// <summary>The controller runtime against an API server: conflicts, expired watches, leader election, RBAC.</summary>
public sealed class OperatorRuntimeTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private KubeTestCluster cluster = null!;
    private string ns = "";

    public async ValueTask InitializeAsync()
    {
        cluster = await KubeTestCluster.StartAsync(Ct);
        ns = await cluster.CreateNamespaceAsync("runtime", Ct);
    }

    public async ValueTask DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task Should_RetryTheReconcile_When_AWriteConflicts()
    {
        await using var op = await OperatorUnderTest.StartAsync(cluster.Configuration);
        op.Writes.FailNext(r => r.Method == HttpMethod.Patch && r.RequestUri!.AbsolutePath.EndsWith("/organizations/acme", StringComparison.Ordinal),
            HttpStatusCode.Conflict, "Conflict");

        op.RunController();
        await cluster.Client.CreateAsync(AnOrganization(@namespace: ns));

        await op.Caches.WaitUntilAsync(c => c.Of<Organization>().Get(new(ns, "acme")) is { } org
            && org.Metadata.Finalizers?.Contains("safedrop.io/data-retention") == true
            && org.Status.Conditions.Count > 0, Ct).WaitAsync(Patience, Ct);
        Assert.Equal(1, op.Writes.InjectedFaults);
        Assert.True(op.Metrics.ReconcileCount("tenant", "error") >= 1);
    }

    [Fact]
    public async Task Should_Relist_When_TheWatchExpires()
    {
        Assert.SkipWhen(cluster.IsReal, "Only the fake can cut watches and compact its history on demand; a real API server does both on its own schedule.");
        await using var op = await OperatorUnderTest.StartAsync(cluster.Configuration);
        var dropzones = op.Caches.Of<Dropzone>();
        var listsBefore = dropzones.Lists;

        // While the cache is cut off, a Dropzone appears and the history it would resume from is compacted away.
        await cluster.Fake!.InterruptWatchesAsync(async () =>
        {
            await cluster.Client.CreateAsync(ADropzone("while-away").InNamespace(ns));
            cluster.Fake.CompactHistory();
        });

        await op.Caches.WaitUntilAsync(c => c.Of<Dropzone>().Get(new(ns, "while-away")) is not null, Ct).WaitAsync(Patience, Ct);
        // The resumed watch got 410 Expired, so the cache listed again rather than missing the Dropzone.
        Assert.Equal(listsBefore + 1, dropzones.Lists);
    }

    [Fact]
    public async Task Should_ElectOneLeader_And_HandOver_When_TheLeaderStops()
    {
        var options = new Func<string, LeaderElectionOptions>(identity => new LeaderElectionOptions
        {
            Namespace = ns, LeaseName = "safedrop-operator", Identity = identity,
            LeaseDuration = TimeSpan.FromSeconds(3), RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromMilliseconds(200),
        });
        using var clientA = new Kubernetes(cluster.Configuration);
        using var clientB = new Kubernetes(cluster.Configuration);
        var a = new Leadership(clientA, options("operator-a"), TimeProvider.System, NullLogger.Instance);
        var b = new Leadership(clientB, options("operator-b"), TimeProvider.System, NullLogger.Instance);
        var leading = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<CancellationToken, Task> Work(string name) => async token =>
        {
            if (!leading.TrySetResult(name)) second.TrySetResult(name);
            await Task.Delay(Timeout.Infinite, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        };
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var runA = a.RunAsync(Work("operator-a"), stopA.Token);
        var runB = b.RunAsync(Work("operator-b"), stopB.Token);

        var first = await leading.Task.WaitAsync(Patience, Ct);
        Assert.False(second.Task.IsCompleted);
        Assert.Equal(1, new[] { a.IsLeader, b.IsLeader }.Count(l => l));

        var started = TimeProvider.System.GetTimestamp();
        await (first == "operator-a" ? stopA : stopB).CancelAsync();
        var next = await second.Task.WaitAsync(Patience, Ct);

        Assert.NotEqual(first, next);
        // Released on shutdown: the standby does not wait for the Lease to expire.
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(3), "the standby should take over before the lease would expire");
        await (first == "operator-a" ? stopB : stopA).CancelAsync();
        await Task.WhenAll(runA, runB).WaitAsync(Patience, Ct);
    }

    [Fact]
    public async Task Should_NeedNoMoreRbacThanTheChartGrants()
    {
        Assert.SkipWhen(cluster.IsReal, "On a real cluster, install the chart and run the operator under its service account instead.");
        var chart = await SafedropChart.RenderAsync();
        var rules = chart.Single<V1ClusterRole>().Rules.Concat(chart.Single<V1Role>().Rules).ToList();
        var restricted = cluster.Fake!.AddRestrictedUser("system:serviceaccount:safedrop-system:safedrop", rules);
        var mark = cluster.Fake.Requests.Mark();
        await using var op = await OperatorUnderTest.StartAsync(restricted);

        await cluster.Client.CreateAsync(AnOrganization(@namespace: ns));
        await cluster.Client.CreateAsync(ADropzone("support").InNamespace(ns));
        await op.ReconcileAsync(cluster, ns);
        await cluster.Client.DeleteAsync<Organization>(ns, "acme");
        await op.ReconcileAsync(cluster, ns);

        var forbidden = cluster.Fake.Requests.Since(mark).Where(r => r.StatusCode == 403).ToList();
        Assert.True(forbidden.Count == 0, "Forbidden: " + string.Join("; ", forbidden.Select(r => $"{r.Method} {r.Path}")));
        Assert.Null(await cluster.Client.FindAsync<Organization>(ns, "acme"));
    }
}
