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
public sealed class OperatorRuntimeTests() : KubeClusterTest("runtime")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_RetryTheReconcile_When_AWriteConflicts()
    {
        await using var op = await OperatorUnderTest.StartAsync(Cluster.Configuration);
        op.Writes.FailNext(r => r.Method == HttpMethod.Patch && r.RequestUri!.AbsolutePath.EndsWith("/organizations/acme", StringComparison.Ordinal),
            HttpStatusCode.Conflict, "Conflict");

        op.RunController();
        await Cluster.Client.CreateAsync(AnOrganization(@namespace: Namespace));

        await op.Caches.WaitUntilAsync(c => c.Of<Organization>().Get(new(Namespace, "acme")) is { } org
            && org.Metadata.Finalizers?.Contains("safedrop.io/data-retention") == true
            && org.Status.Conditions.Count > 0, Ct).WaitAsync(Patience, Ct);
        Assert.Equal(1, op.Writes.InjectedFaults);
        Assert.True(op.Metrics.ReconcileCount("tenant", "error") >= 1);
    }

    [Fact]
    public async Task Should_Relist_When_TheWatchExpires()
    {
        Assert.SkipWhen(Cluster.IsReal, "Only the fake can cut watches and compact its history on demand; a real API server does both on its own schedule.");
        await using var op = await OperatorUnderTest.StartAsync(Cluster.Configuration);
        var dropzones = op.Caches.Of<Dropzone>();
        var listsBefore = dropzones.Lists;

        // While the cache is cut off, a Dropzone appears and the history it would resume from is compacted away.
        await Cluster.Fake!.InterruptWatchesAsync(async () =>
        {
            await Cluster.Client.CreateAsync(ADropzone("while-away").InNamespace(Namespace));
            Cluster.Fake.CompactHistory();
        });

        await op.Caches.WaitUntilAsync(c => c.Of<Dropzone>().Get(new(Namespace, "while-away")) is not null, Ct).WaitAsync(Patience, Ct);
        // The resumed watch got 410 Expired, so the cache listed again rather than missing the Dropzone.
        Assert.Equal(listsBefore + 1, dropzones.Lists);
    }

    [Fact]
    public async Task Should_ElectOneLeader_And_HandOver_When_TheLeaderStops()
    {
        using var clientA = new Kubernetes(Cluster.Configuration);
        using var clientB = new Kubernetes(Cluster.Configuration);
        var a = new Leadership(clientA, Options("operator-a"), TimeProvider.System, NullLogger.Instance);
        var b = new Leadership(clientB, Options("operator-b"), TimeProvider.System, NullLogger.Instance);
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
    public async Task Should_TakeOver_When_TheLeaderDiesWithoutReleasing()
    {
        var cable = new Partition();
        using var clientA = new Kubernetes(Cluster.Configuration, cable);
        using var clientB = new Kubernetes(Cluster.Configuration);
        var a = new Leadership(clientA, Options("operator-a"), TimeProvider.System, NullLogger.Instance);
        var b = new Leadership(clientB, Options("operator-b"), TimeProvider.System, NullLogger.Instance);
        var aLeads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bLeads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var runA = a.RunAsync(async t => { aLeads.TrySetResult(); await Task.Delay(Timeout.Infinite, t).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); }, stop.Token);
        await aLeads.Task.WaitAsync(Patience, Ct);
        var runB = b.RunAsync(async t => { bLeads.TrySetResult(); await Task.Delay(Timeout.Infinite, t).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); }, stop.Token);

        // The leader can no longer reach the API server: it cannot renew, nor release.
        cable.Cut();
        await bLeads.Task.WaitAsync(Patience, Ct);

        Assert.True(b.IsLeader);
        var lease = await Cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("safedrop-operator", Namespace, cancellationToken: Ct);
        Assert.Equal("operator-b", lease.Spec.HolderIdentity);
        await stop.CancelAsync();
        await Task.WhenAll(runA, runB).WaitAsync(Patience, Ct);
    }

    /// <summary>A short Lease, so hand-overs happen within seconds.</summary>
    private LeaderElectionOptions Options(string identity) => new()
    {
        Namespace = Namespace, LeaseName = "safedrop-operator", Identity = identity,
        LeaseDuration = TimeSpan.FromSeconds(3), RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>A network cable the test can cut: every request through it then fails.</summary>
    private sealed class Partition : DelegatingHandler
    {
        private volatile bool cut;

        public void Cut() => cut = true;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            cut ? throw new HttpRequestException("network partition (test)") : base.SendAsync(request, cancellationToken);
    }

    [Fact]
    public async Task Should_NeedNoMoreRbacThanTheChartGrants()
    {
        Assert.SkipWhen(Cluster.IsReal, "On a real Cluster, install the chart and run the operator under its service account instead.");
        var chart = await SafedropChart.RenderAsync();
        var rules = chart.Single<V1ClusterRole>().Rules.Concat(chart.Single<V1Role>().Rules).ToList();
        var restricted = Cluster.Fake!.AddRestrictedUser("system:serviceaccount:safedrop-system:safedrop", rules);
        var mark = Cluster.Fake.Requests.Mark();
        await using var op = await OperatorUnderTest.StartAsync(restricted);

        // Every kind of child: the API (it needs a mail relay) and the Ingresses of both public hosts too.
        await Cluster.Client.CreateAsync(AnOrganization(@namespace: Namespace, configure: spec =>
        {
            Platform.Platforms.Everything(spec);
            Platform.Platforms.MailRelay(spec);
        }));
        await Cluster.Client.CreateAsync(ADropzone("support").InNamespace(Namespace));
        await op.ReconcileAsync(Cluster, Namespace);
        Assert.Equal(2, (await Cluster.Client.NetworkingV1.ListNamespacedIngressAsync(Namespace, cancellationToken: Ct)).Items.Count);
        await Cluster.Client.DeleteAsync<Organization>(Namespace, "acme");
        await op.ReconcileAsync(Cluster, Namespace);

        var forbidden = Cluster.Fake.Requests.Since(mark).Where(r => r.StatusCode == 403).ToList();
        Assert.True(forbidden.Count == 0, "Forbidden: " + string.Join("; ", forbidden.Select(r => $"{r.Method} {r.Path}")));
        Assert.Null(await Cluster.Client.FindAsync<Organization>(Namespace, "acme"));
    }
}
