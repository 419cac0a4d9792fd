using Microsoft.Extensions.Options;
using Safedrop.Api.Audit;
using Safedrop.Api.Metrics;

namespace Safedrop.Api.Packages;

/// <summary>
/// Deletes packages past their retention and uploads never completed. Replicas may sweep at the same
/// time: every step is an idempotent delete, and the record goes last so an interrupted sweep is finished
/// by the next one.
/// </summary>
public sealed partial class RetentionSweeper(
    PackageStore packages,
    IAuditLog audit,
    ApiMetrics metrics,
    IOptions<PackageOptions> options,
    TimeProvider time,
    ILogger<RetentionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep; returns how many packages it removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var removed = 0;
        var expiredHour = PackageStore.HourKey(now);
        foreach (var (hour, id) in await packages.ListAllAsync(PackageIndex.Expiry, cancellationToken).ToListAsync(cancellationToken))
        {
            if (string.CompareOrdinal(hour, expiredHour) > 0) continue;
            if (await packages.GetAsync(id, cancellationToken) is { } package && package.ExpiresAt > now) continue;
            await RemoveAsync(id, "expired", cancellationToken);
            await packages.UnmarkAsync(PackageIndex.Expiry, hour, id, cancellationToken);
            removed++;
        }

        var abandonedHour = PackageStore.HourKey(now - options.Value.PendingLifetime);
        foreach (var (hour, id) in await packages.ListAllAsync(PackageIndex.Pending, cancellationToken).ToListAsync(cancellationToken))
        {
            if (string.CompareOrdinal(hour, abandonedHour) >= 0) continue;
            await RemoveAsync(id, "upload never completed", cancellationToken);
            await packages.UnmarkAsync(PackageIndex.Pending, hour, id, cancellationToken);
            removed++;
        }
        if (removed > 0) LogSwept(removed);
        return removed;
    }

    private async Task RemoveAsync(string packageId, string reason, CancellationToken cancellationToken)
    {
        if (await packages.GetAsync(packageId, cancellationToken) is { } package)
        {
            await packages.UnmarkAsync(PackageIndex.Sent, PackageStore.AddressKey(package.Sender), packageId, cancellationToken);
            foreach (var recipient in package.Addressees)
                await packages.UnmarkAsync(PackageIndex.Received, PackageStore.AddressKey(recipient), packageId, cancellationToken);
            if (package.Dropzone is { } dropzone) await packages.UnmarkAsync(PackageIndex.Dropzone, dropzone, packageId, cancellationToken);
            metrics.Package(package.State == PackageState.Complete ? "expired" : "abandoned", package.Dropzone is not null);
        }
        await packages.DeleteContentAsync(packageId, cancellationToken);
        await audit.RecordAsync(new AuditEvent("package.delete", "system", "package/" + packageId, AuditOutcome.Succeeded,
            Details: new Dictionary<string, string> { ["reason"] = reason }), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep removed {Count} package(s)")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep failed; it runs again at the next interval")]
    private partial void LogSweepFailed(Exception exception);
}
