using System.Collections.Concurrent;
using Safedrop.Api.Audit;

namespace Safedrop.Api.Tests.Fixtures;

/// <summary>A stand-in <see cref="IAuditLog"/> that keeps events in memory, until the real one is registered by the app.</summary>
public sealed class RecordingAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<AuditEvent> events = new();

    public IReadOnlyList<AuditEvent> Events => [.. events];

    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        events.Enqueue(auditEvent);
        return Task.CompletedTask;
    }
}
