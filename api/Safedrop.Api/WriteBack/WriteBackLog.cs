namespace Safedrop.Api.WriteBack;

internal static partial class WriteBackLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Wrote {Kind} {Name} back to {Where}")]
    public static partial void Wrote(ILogger logger, string kind, string name, string where);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "{Kind} {Name} changed while the API was writing it (attempt {Attempt}); reading it again and reapplying the change")]
    public static partial void Conflict(ILogger logger, string kind, string name, int attempt);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Created {Kind} {Name} in {Where}")]
    public static partial void Created(ILogger logger, string kind, string name, string where);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Field-by-field edit of {Kind} {Name} in {File} did not read back as intended; rewrote its whole spec instead")]
    public static partial void RewroteWholeSpec(ILogger logger, string kind, string name, string file);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Deleted {Kind} {Name} from {Where}")]
    public static partial void Deleted(ILogger logger, string kind, string name, string where);
}
