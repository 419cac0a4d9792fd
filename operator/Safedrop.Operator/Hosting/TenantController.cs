using Microsoft.Extensions.Logging;
using Safedrop.Operator.Kube;
using Safedrop.Operator.Reconcilers;
using Safedrop.Operator.Runtime.Controllers;
using Safedrop.Operator.Runtime.Metrics;
using Safedrop.Operator.Runtime.Queue;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Hosting;

/// <summary>
/// Wires caches, queue and reconciler: any change in a namespace queues that tenant; a change to an
/// Organization queues every tenant, since domain claims are decided across Organizations.
/// </summary>
internal sealed class TenantController(
    OperatorCaches caches, TenantReconciler reconciler, OperatorOptions options, OperatorMetrics metrics, TimeProvider time, ILoggerFactory logging)
{
    public const string Name = "tenant";

    private WorkQueue<string>? queue;

    public bool Synced { get; private set; }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var work = new WorkQueue<string>(RateLimiters.Default<string>(time, options.MaxBackoff), time);
        queue = work;
        caches.Changed += OnChanged;
        using var hardStop = new CancellationTokenSource();
        using var stopCaches = new CancellationTokenSource();
        var running = caches.RunAsync(stopCaches.Token);
        try
        {
            await caches.WaitForSyncAsync(stopping);
            Synced = true;
            foreach (var ns in caches.List<Organization>().Select(o => o.Metadata.NamespaceProperty).Distinct()) work.Add(ns);

            var controller = new Controller<string>(Name, work, reconciler, options.Workers, metrics, logging.CreateLogger<Controller<string>>());
            using var grace = stopping.Register(() => hardStop.CancelAfter(options.ShutdownGrace));
            await controller.RunAsync(stopping, hardStop.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            caches.Changed -= OnChanged;
            Synced = false;
            await stopCaches.CancelAsync();
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void OnChanged(string @namespace, bool organizationChanged)
    {
        var work = queue;
        if (work is null || @namespace.Length == 0) return;
        work.Add(@namespace);
        if (!organizationChanged) return;
        foreach (var ns in caches.List<Organization>().Select(o => o.Metadata.NamespaceProperty).Distinct()) work.Add(ns);
    }
}
