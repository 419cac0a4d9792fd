using k8s;
using k8s.Models;

namespace Safedrop.Benchmarks;

/// <summary>
/// The fake API server runs no pods, so this loop stands in for the kubelet and the workload
/// controllers: it reports every wanted replica of the operator's Deployments and StatefulSets as
/// ready (a status patch), which lets an Organization report PlatformReady and Ready. It writes only
/// when a workload is not ready yet, so it adds nothing to a pass where nothing changed.
/// </summary>
internal sealed class FakeKubelet : IAsyncDisposable
{
    private const string Managed = "app.kubernetes.io/managed-by=safedrop-operator";
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int patches;
    private int failures;

    private FakeKubelet(IKubernetes client, string @namespace) => loop = RunAsync(client, @namespace, stop.Token);

    public int Patches => Volatile.Read(ref patches);

    public int Failures => Volatile.Read(ref failures);

    public static FakeKubelet Start(IKubernetes client, string @namespace) => new(client, @namespace);

    private async Task RunAsync(IKubernetes client, string @namespace, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await timer.WaitForNextTickAsync(cancellationToken);
                await MarkReadyAsync(client, @namespace, cancellationToken);
            }
            catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException)
            {
                Interlocked.Increment(ref failures); // a workload deleted meanwhile, say; the next tick looks again
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task MarkReadyAsync(IKubernetes client, string @namespace, CancellationToken cancellationToken)
    {
        foreach (var deployment in (await client.AppsV1.ListNamespacedDeploymentAsync(@namespace, labelSelector: Managed, cancellationToken: cancellationToken)).Items)
        {
            if (deployment.Status?.ReadyReplicas == (deployment.Spec.Replicas ?? 1)) continue;
            await client.AppsV1.PatchNamespacedDeploymentStatusAsync(Ready(deployment.Spec.Replicas ?? 1, deployment.Metadata.Generation), deployment.Metadata.Name, @namespace, cancellationToken: cancellationToken);
            Interlocked.Increment(ref patches);
        }

        foreach (var statefulSet in (await client.AppsV1.ListNamespacedStatefulSetAsync(@namespace, labelSelector: Managed, cancellationToken: cancellationToken)).Items)
        {
            if (statefulSet.Status?.ReadyReplicas == (statefulSet.Spec.Replicas ?? 1)) continue;
            await client.AppsV1.PatchNamespacedStatefulSetStatusAsync(Ready(statefulSet.Spec.Replicas ?? 1, statefulSet.Metadata.Generation), statefulSet.Metadata.Name, @namespace, cancellationToken: cancellationToken);
            Interlocked.Increment(ref patches);
        }
    }

    private static V1Patch Ready(int replicas, long? generation) => new(new
    {
        status = new { replicas, readyReplicas = replicas, availableReplicas = replicas, updatedReplicas = replicas, observedGeneration = generation },
    }, V1Patch.PatchType.MergePatch);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }
}
