using Safedrop.Api.Configuration;

namespace Safedrop.Api.Workflows.Keys;

/// <summary>Reconciles workflow keys with every configuration revision (<see cref="WorkflowKeys.ReconcileAsync"/>).</summary>
public sealed partial class WorkflowKeyKeeper(WorkflowKeys keys, TenantConfigStore tenant, ILogger<WorkflowKeyKeeper> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var changed = tenant.Changed;
                if (tenant.Current.Config is { } config && !await TryReconcileAsync(config, stoppingToken))
                {
                    await Task.WhenAny(changed, Task.Delay(RetryDelay, stoppingToken));
                    continue;
                }
                await changed.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<bool> TryReconcileAsync(Resources.Compilation.TenantConfig config, CancellationToken stoppingToken)
    {
        try
        {
            await keys.ReconcileAsync(config, stoppingToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling workflow keys failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
