using Safedrop.Api.Configuration;

namespace Safedrop.Api.Workflows.Keys;

/// <summary>
/// Reconciles workflow keys with every configuration revision (<see cref="WorkflowKeys.ReconcileAsync"/>), and again
/// when a key spared for its youth comes of age.
/// </summary>
public sealed partial class WorkflowKeyKeeper(WorkflowKeys keys, TenantConfigStore tenant, TimeProvider time, ILogger<WorkflowKeyKeeper> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var changed = tenant.Changed;
                var lookAgainIn = tenant.Current.Config is { } config ? await TryReconcileAsync(config, stoppingToken) : null;
                if (lookAgainIn is { } delay) await Task.WhenAny(changed, Task.Delay(delay, time, stoppingToken));
                else await changed.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>When to reconcile again without a new revision: after a failure, or when a spared key comes of age.</summary>
    private async Task<TimeSpan?> TryReconcileAsync(Resources.Compilation.TenantConfig config, CancellationToken stoppingToken)
    {
        try
        {
            return await keys.ReconcileAsync(config, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
            return RetryDelay;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling workflow keys failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
