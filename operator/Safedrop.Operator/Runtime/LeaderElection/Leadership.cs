using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;

namespace Safedrop.Operator.Runtime.LeaderElection;

/// <summary>
/// Runs work only while this instance holds the coordination.k8s.io/v1 Lease (KubernetesClient's
/// LeaderElector renews it); stops the work when leadership is lost, campaigns again, and releases
/// the Lease on shutdown so another instance takes over at once instead of after the Lease expires.
/// </summary>
public sealed partial class Leadership(IKubernetes client, LeaderElectionOptions options, TimeProvider time, ILogger logger)
{
    private volatile bool leading;

    public bool IsLeader => leading;

    public string Identity => options.Identity;

    public async Task RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken stopping)
    {
        if (!options.Enabled)
        {
            leading = true;
            await whileLeading(stopping);
            return;
        }

        var @lock = new LeaseLock(client, options.Namespace, options.LeaseName, options.Identity);
        while (!stopping.IsCancellationRequested)
        {
            await LeadOnceAsync(@lock, whileLeading, stopping);
        }

        await ReleaseAsync(@lock);
    }

    private async Task LeadOnceAsync(LeaseLock @lock, Func<CancellationToken, Task> whileLeading, CancellationToken stopping)
    {
        using var elector = new LeaderElector(new LeaderElectionConfig(@lock)
        {
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        });
        using var leadership = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Task work = Task.CompletedTask;
        elector.OnStartedLeading += () =>
        {
            leading = true;
            LogStartedLeading(logger, options.Identity, options.LeaseName);
            work = Task.Run(() => whileLeading(leadership.Token), CancellationToken.None);
        };
        elector.OnStoppedLeading += () => leading = false;
        elector.OnError += e => LogElectionError(logger, options.LeaseName, e);

        try
        {
            await elector.RunUntilLeadershipLostAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is HttpRequestException or IOException or k8s.Autorest.HttpOperationException)
        {
            // The API server is unreachable: this instance cannot know it still leads, so it stops its
            // work and campaigns again after a pause, instead of letting the error end the process.
            LogElectionError(logger, options.LeaseName, e);
            await Task.Delay(options.RetryPeriod, time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        leading = false;
        await leadership.CancelAsync();
        await work.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!stopping.IsCancellationRequested) LogLostLeadership(logger, options.Identity, options.LeaseName);
    }

    /// <summary>Gives the Lease up if we still hold it, so a standby takes over without waiting for it to expire.</summary>
    private async Task ReleaseAsync(LeaseLock @lock)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var record = await @lock.GetAsync(timeout.Token);
            if (record.HolderIdentity != options.Identity) return;
            // Empty, not null: KubernetesClient's elector treats a null holder as "no Lease yet" and
            // tries to create one, which fails forever; an empty holder is free to take at once.
            record.HolderIdentity = "";
            record.LeaseDurationSeconds = 1;
            record.RenewTime = time.GetUtcNow().UtcDateTime;
            await @lock.UpdateAsync(record, timeout.Token);
            LogReleased(logger, options.Identity, options.LeaseName);
        }
#pragma warning disable CA1031 // Releasing is a courtesy: a failure only delays the takeover until the Lease expires.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogElectionError(logger, options.LeaseName, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} became the leader (Lease {Lease})")]
    private static partial void LogStartedLeading(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} lost the leadership (Lease {Lease}); stopped its controllers and campaigns again")]
    private static partial void LogLostLeadership(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} released the Lease {Lease}")]
    private static partial void LogReleased(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leader election on Lease {Lease} failed")]
    private static partial void LogElectionError(ILogger logger, string lease, Exception exception);
}
