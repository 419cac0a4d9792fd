namespace Safedrop.Api.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(1, LogLevel.Information, "Object storage is ready: {Store}")]
    public static partial void Ready(ILogger logger, string store);

    [LoggerMessage(2, LogLevel.Warning, "Object storage is not ready ({Reason}); trying again in {Delay}")]
    public static partial void NotReady(ILogger logger, string reason, TimeSpan delay);
}
