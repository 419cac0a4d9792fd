using System.Globalization;
using System.Text.Json;
using k8s.Models;
using Safedrop.Testing;
using Safedrop.Testing.FakeKube.Log;

namespace Safedrop.Benchmarks;

/// <summary>
/// What the benchmarks run against: a test cluster (the in-process fake, or the real one that
/// SAFEDROP_TEST_KUBECONFIG names) with the CRDs installed, a fresh namespace, the fake kubelet
/// (fake only), and the built operator running as a child process through a kubeconfig file, as
/// `run` runs in a pod: leader election off, a short resync so a second pass happens on its own.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    public static readonly TimeSpan ResyncPeriod = TimeSpan.FromSeconds(5);
    public const int Workers = 2;
    private const string OperatorUser = "system:serviceaccount:safedrop-system:safedrop-operator";
    private const string ApiUser = "system:serviceaccount:bench:safedrop-api";
    private static readonly V1PolicyRule[] Everything = [new() { ApiGroups = ["*"], Resources = ["*"], Verbs = ["*"] }];

    private readonly List<KubeconfigFile> files = [];
    private ChildProcess? @operator;

    private BenchCluster(KubeTestCluster cluster, string @namespace)
    {
        Cluster = cluster;
        Namespace = @namespace;
    }

    public KubeTestCluster Cluster { get; }

    public string Namespace { get; }

    public ChildProcess Operator => @operator ?? throw new InvalidOperationException("The operator has not started.");

    /// <summary>Reaches the operator's /metrics, /healthz and /readyz.</summary>
    public HttpClient OperatorHttp { get; } = new();

    public FakeKubelet? Kubelet { get; private set; }

    public static async Task<BenchCluster> StartAsync(CancellationToken cancellationToken)
    {
        var cluster = await KubeTestCluster.StartAsync(cancellationToken);
        var bench = new BenchCluster(cluster, await cluster.CreateNamespaceAsync("bench", cancellationToken));
        if (cluster.Fake is not null) bench.Kubelet = FakeKubelet.Start(cluster.Client, bench.Namespace);

        try
        {
            var url = $"http://127.0.0.1:{FreePort.Next()}";
            bench.OperatorHttp.BaseAddress = new Uri(url);
            bench.@operator = ChildProcess.Start(ChildProcess.BuiltDll("operator/Safedrop.Operator"),
            [
                "run", "--urls", url,
                "--LeaderElection:Enabled=false",
                "--Operator:ResyncPeriod=" + ResyncPeriod.ToString("c", CultureInfo.InvariantCulture),
                "--Operator:Workers=" + Workers.ToString(CultureInfo.InvariantCulture),
            ], new Dictionary<string, string> { ["HOME"] = bench.Kubeconfig(OperatorUser).Home });
            await bench.Operator.WaitUntilOkAsync(bench.OperatorHttp, url + "/readyz", TimeSpan.FromSeconds(60), cancellationToken);
            return bench;
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
    }

    /// <summary>The API in cluster mode as a child process, serving the tenant's snapshot; started once it listens.</summary>
    public async Task<(ChildProcess Api, HttpClient Http)> StartApiAsync(CancellationToken cancellationToken)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var api = ChildProcess.Start(ChildProcess.BuiltDll("api/Safedrop.Api"),
        [
            "--urls", url,
            "--Safedrop:Mode=Cluster",
            "--Safedrop:Cluster:Namespace=" + Namespace,
            "--Safedrop:Cluster:Organization=" + TenantLoad.OrganizationName,
            "--Safedrop:Cluster:ConfigMap=" + TenantLoad.SnapshotConfigMap,
            "--Safedrop:Cluster:Kubeconfig=" + Kubeconfig(ApiUser).Path,
        ], new Dictionary<string, string>());
        var http = new HttpClient { BaseAddress = new Uri(url) };
        try
        {
            await api.WaitUntilOkAsync(http, url + "/healthz", TimeSpan.FromSeconds(60), cancellationToken);
            return (api, http);
        }
        catch
        {
            http.Dispose();
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>The operator's requests the fake served after <paramref name="mark"/> (a watch is logged once its stream opens).</summary>
    public IReadOnlyList<RecordedRequest> OperatorRequestsSince(RequestLogMark mark) =>
        [.. Cluster.Fake!.Requests.Since(mark).Where(r => r.User == OperatorUser)];

    /// <summary>Whether the operator's shipped runtimeconfig asks for the server garbage collector (it affects memory).</summary>
    public static bool OperatorUsesServerGc()
    {
        var config = Path.ChangeExtension(ChildProcess.BuiltDll("operator/Safedrop.Operator"), ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        return json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var server) && server.GetBoolean();
    }

    /// <summary>On the fake, each child gets its own user (all rights) so the request log tells whose request it was.</summary>
    private KubeconfigFile Kubeconfig(string user)
    {
        var file = Cluster.Fake is { } fake
            ? KubeconfigFile.Write(fake.AddRestrictedUser(user, Everything), user.Split(':')[^1])
            : KubeconfigFile.LinkTo(Environment.GetEnvironmentVariable(KubeTestCluster.KubeconfigVariable)!);
        files.Add(file);
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        if (@operator is not null) await @operator.DisposeAsync();
        OperatorHttp.Dispose();
        if (Kubelet is not null) await Kubelet.DisposeAsync();
        await Cluster.DisposeAsync();
        foreach (var file in files) file.Dispose();
    }
}
