namespace Safedrop.Api.Workflows.Events;

/// <summary>
/// A background pass over recorded events, run at start and then every <see cref="Interval"/>. A pass that fails is
/// logged and the next tick tries again; stopping ends the wait, not a pass half done (passes are idempotent).
/// </summary>
public abstract partial class PeriodicPass(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>For the log: what the pass does, e.g. "Workflow event sweep".</summary>
    protected abstract string Name { get; }

    /// <summary>One pass; logs its own result.</summary>
    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(logger, e, Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pass} failed; trying again at the next interval")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, string pass);
}
