using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Safedrop.Operator.Platform;
using Safedrop.Operator.Runtime.Watch;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Kube;

/// <summary>
/// The operator's view of the cluster: one list+watch cache per Safedrop kind and per child kind
/// (children filtered by the managed-by label). Any change is reported with its namespace, so the
/// tenant controller re-reconciles that tenant.
/// </summary>
public sealed class OperatorCaches
{
    private static readonly string ManagedChildren = $"{PlatformLabels.ManagedBy}={PlatformLabels.ManagedByValue}";
    private readonly Dictionary<Type, IResourceCache> caches = [];
    private readonly List<Func<CancellationToken, Task>> runners = [];
    private readonly List<Task> synced = [];

    public OperatorCaches(IKubernetes client, TimeProvider time, ILoggerFactory logging, ResourceCacheOptions? options = null)
    {
        Add(new CustomObjectSource<Organization>(client), time, logging, options, organization: true);
        Add(new CustomObjectSource<Dropzone>(client), time, logging, options);
        Add(new CustomObjectSource<SecurityGroup>(client), time, logging, options);
        Add(new CustomObjectSource<Workspace>(client), time, logging, options);
        Add(new CustomObjectSource<PersonalWorkflow>(client), time, logging, options);

        Add(new CoreObjectSource<V1ServiceAccount>(client, ManagedChildren), time, logging, options);
        Add(new CoreObjectSource<V1Secret>(client, ManagedChildren), time, logging, options);
        Add(new CoreObjectSource<V1ConfigMap>(client, ManagedChildren), time, logging, options);
        Add(new CoreObjectSource<V1Service>(client, ManagedChildren), time, logging, options);
        Add(new CustomObjectSource<V1Role>(client, ManagedChildren), time, logging, options);
        Add(new CustomObjectSource<V1RoleBinding>(client, ManagedChildren), time, logging, options);
        Add(new CustomObjectSource<V1StatefulSet>(client, ManagedChildren), time, logging, options);
        Add(new CustomObjectSource<V1Deployment>(client, ManagedChildren), time, logging, options);
        Add(new CustomObjectSource<V1PodDisruptionBudget>(client, ManagedChildren), time, logging, options);
        Add(new CustomObjectSource<V1NetworkPolicy>(client, ManagedChildren), time, logging, options);
        Add(new CustomObjectSource<V1Ingress>(client, ManagedChildren), time, logging, options);
    }

    /// <summary>(namespace, whether an Organization changed — which can change other tenants' domain claims).</summary>
    public event Action<string, bool>? Changed;

    public static IReadOnlyList<Type> ChildKinds => PlatformPlan.ApplyOrder;

    public ResourceCache<T> Of<T>() where T : class, IKubernetesObject<V1ObjectMeta> => (ResourceCache<T>)caches[typeof(T)];

    public IReadOnlyList<T> List<T>(string? @namespace = null) where T : class, IKubernetesObject<V1ObjectMeta> => Of<T>().List(@namespace);

    /// <summary>A cached object of any kind the operator watches, by runtime type.</summary>
    public IKubernetesObject<V1ObjectMeta>? Find(Type type, string @namespace, string name) =>
        caches[type].Find(new ObjectKey(@namespace, name));

    /// <summary>Every child object in the namespace, of every child kind.</summary>
    public IEnumerable<IKubernetesObject<V1ObjectMeta>> Children(string @namespace) =>
        ChildKinds.SelectMany(t => caches[t].Objects(@namespace));

    /// <summary>Completes once <paramref name="condition"/> holds, checking it after every cache change.</summary>
    public async Task WaitUntilAsync(Func<OperatorCaches, bool> condition, CancellationToken cancellationToken)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(string _, bool __)
        {
            if (condition(this)) signal.TrySetResult();
        }

        Changed += Check;
        try
        {
            Check("", false);
            await signal.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Changed -= Check;
        }
    }

    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(runners.Select(r => r(cancellationToken)));

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.WhenAll(synced).WaitAsync(cancellationToken);

    private void Add<T>(IResourceSource<T> source, TimeProvider time, ILoggerFactory logging, ResourceCacheOptions? options, bool organization = false)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var cache = new ResourceCache<T>(source, time, logging.CreateLogger($"Safedrop.Operator.Cache.{source.Kind}"), options);
        cache.Changed += (_, item) => Changed?.Invoke(item.Metadata.NamespaceProperty ?? "", organization);
        caches[typeof(T)] = cache;
        runners.Add(cache.RunAsync);
        synced.Add(cache.Synced);
    }
}
