using System.Globalization;

namespace Safedrop.Api.Workflows.Events;

/// <summary>Where events and their "reached the stream" markers live in object storage, by hour so a sweep reads only recent ones.</summary>
internal static class WorkflowEventKeys
{
    public const string EventsPrefix = "workflows/events/";
    public const string PublishedPrefix = "workflows/published/";
    public const string ProcessedPrefix = "workflows/processed/";

    public static string Hour(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    public static string Event(DateTimeOffset at, string id) => Event(Hour(at), id);

    public static string Event(string hour, string id) => $"{EventsPrefix}{hour}/{id}.json";

    public static string Published(string hour, string id) => $"{PublishedPrefix}{hour}/{id}";

    public static string Processed(string hour, string id) => $"{ProcessedPrefix}{hour}/{id}";
}
