using System.Collections.Concurrent;
using Safedrop.Api.Audit;

namespace Safedrop.Api.Tests.Fixtures;

/// <summary>Keeps every audited event in memory for assertions and passes it on to the real, durable log.</summary>
public sealed class RecordingAuditLog(IAuditLog inner) : IAuditLog
{
    private readonly ConcurrentQueue<AuditEvent> events = new();

    public IReadOnlyList<AuditEvent> Events => [.. events];

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        await inner.RecordAsync(auditEvent, cancellationToken);
        events.Enqueue(auditEvent);
    }
}
