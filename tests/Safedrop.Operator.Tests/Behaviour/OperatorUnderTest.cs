using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Safedrop.Operator.Hosting;
using Safedrop.Operator.Kube;
using Safedrop.Operator.Reconcilers;
using Safedrop.Operator.Runtime.Apply;
using Safedrop.Operator.Runtime.Events;
using Safedrop.Operator.Runtime.Metrics;
using Safedrop.Operator.Runtime.Watch;
using Safedrop.Testing;

namespace Safedrop.Operator.Tests.Behaviour;

/// <summary>The operator's real parts (caches, reconciler, controller) wired in-process against a test cluster.</summary>
internal sealed class OperatorUnderTest : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task caching;
    private Task? controlling;

    private OperatorUnderTest(KubernetesClientConfiguration configuration, ResourceCacheOptions? cacheOptions)
    {
        Writes = new WriteCounter();
        Client = new Kubernetes(configuration, Writes);
        Caches = new OperatorCaches(Client, TimeProvider.System, NullLoggerFactory.Instance, cacheOptions);
        var writer = new KubeWriter(Client, "safedrop-operator");
        var events = new EventRecorder(Client, "safedrop-operator", "test", TimeProvider.System, NullLogger.Instance);
        Reconciler = new TenantReconciler(Caches, new ChildSync(writer, new PlatformImages()), new StatusSync(writer, events, TimeProvider.System), new DataRetention(writer, Client, events));
        Controller = new TenantController(Caches, Reconciler, new OperatorOptions { Workers = 2, MaxBackoff = TimeSpan.FromMilliseconds(200) }, Metrics, TimeProvider.System, NullLoggerFactory.Instance);
        caching = Caches.RunAsync(stop.Token);
    }

    public Kubernetes Client { get; }
    public WriteCounter Writes { get; }
    public OperatorCaches Caches { get; }
    public TenantReconciler Reconciler { get; }
    public TenantController Controller { get; }
    public OperatorMetrics Metrics { get; } = new();

    public static async Task<OperatorUnderTest> StartAsync(KubernetesClientConfiguration configuration, ResourceCacheOptions? cacheOptions = null)
    {
        var op = new OperatorUnderTest(configuration, cacheOptions);
        await op.Caches.WaitForSyncAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return op;
    }

    /// <summary>Runs the controller (its own caches, queue and workers) until disposed.</summary>
    public void RunController() => controlling = Controller.RunAsync(stop.Token);

    /// <summary>One reconcile of the namespace, once the caches show what the server holds now; returns its writes.</summary>
    public async Task<int> ReconcileAsync(KubeTestCluster cluster, string @namespace)
    {
        await CaughtUpAsync(cluster, @namespace);
        await Reconciler.ReconcileAsync(@namespace, TestContext.Current.CancellationToken);
        return Reconciler.LastWrites;
    }

    /// <summary>Waits until the caches hold exactly the objects (and versions) the server holds in the namespace.</summary>
    public async Task CaughtUpAsync(KubeTestCluster cluster, string @namespace)
    {
        var server = await ServerVersions(cluster.Client, @namespace);
        await Caches.WaitUntilAsync(c => CachedVersions(c, @namespace).SetEquals(server), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    private static HashSet<(string, string, string)> CachedVersions(OperatorCaches caches, string @namespace) =>
        [.. caches.List<Resources.Model.Organization>(@namespace).Cast<IKubernetesObject<V1ObjectMeta>>()
            .Concat(caches.List<Resources.Model.Dropzone>(@namespace))
            .Concat(caches.Children(@namespace))
            .Select(o => (o.GetType().Name, o.Metadata.Name, o.Metadata.ResourceVersion ?? ""))];

    private static async Task<HashSet<(string, string, string)>> ServerVersions(Kubernetes client, string @namespace)
    {
        var ct = TestContext.Current.CancellationToken;
        const string managed = "app.kubernetes.io/managed-by=safedrop-operator";
        var result = new HashSet<(string, string, string)>();
        void Add<T>(IEnumerable<T> items) where T : IKubernetesObject<V1ObjectMeta>
        {
            foreach (var item in items) result.Add((typeof(T).Name, item.Metadata.Name, item.Metadata.ResourceVersion ?? ""));
        }

        Add((await client.CustomObjects.ListNamespacedCustomObjectAsync<KubeList<Resources.Model.Organization>>("safedrop.io", "v1alpha1", @namespace, "organizations", cancellationToken: ct)).Items);
        Add((await client.CustomObjects.ListNamespacedCustomObjectAsync<KubeList<Resources.Model.Dropzone>>("safedrop.io", "v1alpha1", @namespace, "dropzones", cancellationToken: ct)).Items);
        Add((await client.CoreV1.ListNamespacedServiceAccountAsync(@namespace, labelSelector: managed, cancellationToken: ct)).Items);
        Add((await client.CoreV1.ListNamespacedSecretAsync(@namespace, labelSelector: managed, cancellationToken: ct)).Items);
        Add((await client.CoreV1.ListNamespacedConfigMapAsync(@namespace, labelSelector: managed, cancellationToken: ct)).Items);
        Add((await client.CoreV1.ListNamespacedServiceAsync(@namespace, labelSelector: managed, cancellationToken: ct)).Items);
        Add((await client.RbacAuthorizationV1.ListNamespacedRoleAsync(@namespace, labelSelector: managed, cancellationToken: ct)).Items);
        Add((await client.RbacAuthorizationV1.ListNamespacedRoleBindingAsync(@namespace, labelSelector: managed, cancellationToken: ct)).Items);
        Add((await client.AppsV1.ListNamespacedStatefulSetAsync(@namespace, labelSelector: managed, cancellationToken: ct)).Items);
        Add((await client.AppsV1.ListNamespacedDeploymentAsync(@namespace, labelSelector: managed, cancellationToken: ct)).Items);
        Add((await client.PolicyV1.ListNamespacedPodDisruptionBudgetAsync(@namespace, labelSelector: managed, cancellationToken: ct)).Items);
        Add((await client.NetworkingV1.ListNamespacedNetworkPolicyAsync(@namespace, labelSelector: managed, cancellationToken: ct)).Items);
        Add((await client.NetworkingV1.ListNamespacedIngressAsync(@namespace, labelSelector: managed, cancellationToken: ct)).Items);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await caching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (controlling is not null) await controlling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Client.Dispose();
        stop.Dispose();
    }
}
