using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Safedrop.Operator.Runtime.Events;

/// <summary>
/// Records events.k8s.io/v1 Events about resources (what `kubectl describe` shows). The same event
/// about the same object is sent at most once per window, so a resource stuck in one state does not
/// flood the API server.
/// </summary>
public sealed partial class EventRecorder(IKubernetes client, string controller, string instance, TimeProvider time, ILogger logger)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(string, string, string, string), DateTimeOffset> recent = new();

    public async Task RecordAsync(IKubernetesObject<V1ObjectMeta> regarding, string type, string reason, string note, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regarding);
        var now = time.GetUtcNow();
        var key = (regarding.Metadata.Uid ?? regarding.Metadata.Name ?? "", type, reason, note);
        if (recent.TryGetValue(key, out var last) && now - last < Window) return;
        recent[key] = now;

        var @event = new Eventsv1Event
        {
            Metadata = new V1ObjectMeta
            {
                GenerateName = (regarding.Metadata.Name ?? "safedrop") + ".",
                NamespaceProperty = regarding.Metadata.NamespaceProperty,
            },
            EventTime = now.UtcDateTime,
            ReportingController = controller,
            ReportingInstance = instance,
            Action = action,
            Reason = reason,
            Type = type,
            Note = note.Length > 1024 ? note[..1024] : note,
            Regarding = new V1ObjectReference
            {
                ApiVersion = regarding.ApiVersion,
                Kind = regarding.Kind,
                Name = regarding.Metadata.Name,
                NamespaceProperty = regarding.Metadata.NamespaceProperty,
                Uid = regarding.Metadata.Uid,
                ResourceVersion = regarding.Metadata.ResourceVersion,
            },
        };

        try
        {
            await client.EventsV1.CreateNamespacedEventAsync(@event, regarding.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
        }
        catch (k8s.Autorest.HttpOperationException e)
        {
            // Events are best effort: losing one must never fail a reconcile.
            LogEventFailed(logger, reason, regarding.Metadata.Name ?? "", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record event {Reason} for {Name}")]
    private static partial void LogEventFailed(ILogger logger, string reason, string name, Exception exception);
}
