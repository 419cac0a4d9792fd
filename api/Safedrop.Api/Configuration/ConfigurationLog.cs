using Microsoft.Extensions.Logging;

namespace Safedrop.Api.Configuration;

internal static partial class ConfigurationLog
{
    [LoggerMessage(1, LogLevel.Information, "Local mode: serving namespace {Namespace} from {Folder}")]
    public static partial void Serving(ILogger logger, string @namespace, string folder);

    [LoggerMessage(2, LogLevel.Critical, "Local mode cannot start: {Reason}")]
    public static partial void CannotStart(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Warning, "{Location}: {Problem}")]
    public static partial void ManifestProblem(ILogger logger, string location, string problem);

    [LoggerMessage(4, LogLevel.Warning, "{ProblemCount} problem(s) in the folder, nothing recompiled: {InForce}")]
    public static partial void KeptLastValid(ILogger logger, int problemCount, string inForce);

    [LoggerMessage(5, LogLevel.Information, "Compiled configuration revision {Revision}: {ReadyCount} of {ResourceCount} resources Ready")]
    public static partial void Compiled(ILogger logger, string revision, int readyCount, int resourceCount);

    [LoggerMessage(6, LogLevel.Information, "Resource status:\n{Table}")]
    public static partial void StatusTable(ILogger logger, string table);

    [LoggerMessage(7, LogLevel.Error, "Compiling the folder failed; the last valid configuration stays in force")]
    public static partial void CompileFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Could not read the folder ({Reason}); trying again at the next change or poll")]
    public static partial void ReadFailed(ILogger logger, string reason);

    [LoggerMessage(9, LogLevel.Warning, "File events are unavailable ({Reason}); changes are found by polling every {PollInterval}")]
    public static partial void WatcherUnavailable(ILogger logger, string reason, TimeSpan pollInterval);
}
