namespace Safedrop.Api.Storage;

/// <summary>
/// Makes the store ready at start (creates the managed MinIO's bucket, or the data folder). While
/// storage is down it tries again with growing pauses instead of stopping the process: the pod stays
/// alive and not ready (see <see cref="StorageHealthCheck"/>) until MinIO answers.
/// </summary>
// Takes the provider, not the store: hosted services are built before options are validated at start, and
// building the store reads its options, whose failure must reach the operator as the validation message.
public sealed class StorageStartup(IServiceProvider services, TimeProvider time, ILogger<StorageStartup> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting; the first attempt may wait for a connect timeout.
        await Task.Yield();
        var store = services.GetRequiredService<IObjectStore>();
        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.EnsureReadyAsync(stoppingToken);
                StorageLog.Ready(logger, store.GetType().Name);
                return;
            }
            catch (StorageUnavailableException e)
            {
                StorageLog.NotReady(logger, e.Message, delay);
            }

            await Task.Delay(delay, time, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }
}
