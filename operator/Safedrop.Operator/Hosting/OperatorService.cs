using Microsoft.Extensions.Hosting;
using Safedrop.Operator.Runtime.LeaderElection;

namespace Safedrop.Operator.Hosting;

/// <summary>Runs the tenant controller while this instance leads; a standby waits, ready to take over.</summary>
internal sealed class OperatorService(Leadership leadership, TenantController controller) : BackgroundService
{
    public bool IsLeader => leadership.IsLeader;

    public bool Ready => !leadership.IsLeader || controller.Synced;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leadership.RunAsync(controller.RunAsync, stoppingToken);
}
