using System.Net;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Operator.Hosting;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Model;
using Safedrop.Testing;
using static Safedrop.Testing.Builders.TenantBuilder;

namespace Safedrop.Operator.Tests.Behaviour;

/// <summary>The operator process as the chart runs it (`run`), against a test Cluster.</summary>
public sealed class OperatorHostTests() : KubeClusterTest("host")
{

    [Fact]
    public async Task Should_ServeProbesAndMetrics_And_ReconcileTenants_When_Running()
    {
        await using var app = OperatorHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--LeaderElection:Namespace", Namespace,
            "--LeaderElection:Identity", "operator-0",
            "--LeaderElection:RetryPeriod", "00:00:00.200",
        ], Cluster.Configuration);
        await app.StartAsync(Ct);
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        await Cluster.Client.CreateAsync(AnOrganization(@namespace: Namespace));
        var org = await WaitForAsync(async () => await Cluster.Client.FindAsync<Organization>(Namespace, "acme") is { } o && o.Status.Conditions.Count > 0 ? o : null);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", Ct)).StatusCode);
        Assert.Equal("\"leading\"", await (await http.GetAsync("/readyz", Ct)).Content.ReadAsStringAsync(Ct));
        var metrics = await http.GetStringAsync("/metrics", Ct);
        Assert.Contains("safedrop_operator_reconcile_total{controller=\"tenant\",result=\"success\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("safedrop_operator_kube_api_requests_total", metrics, StringComparison.Ordinal);
        Assert.Equal(ConditionStatus.True, org.Condition(ConditionTypes.DomainsClaimed)!.Status);
        var lease = await Cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("safedrop-operator", Namespace, cancellationToken: Ct);
        Assert.Equal("operator-0", lease.Spec.HolderIdentity);

        await app.StopAsync(Ct);
        lease = await Cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("safedrop-operator", Namespace, cancellationToken: Ct);
        Assert.True(string.IsNullOrEmpty(lease.Spec.HolderIdentity), "the lease is released on shutdown");
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        // Polling the API server here mirrors what a user does with `kubectl get -w`; the interval bounds load, not correctness.
        while (true)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }
}
