using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Safedrop.Api.Caches;
using Safedrop.Api.Configuration;
using Safedrop.Api.Mail;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Http;

/// <summary>
/// Object storage, a cache, the mail relay or the Kubernetes API being down is not the request's fault and usually passes: answer 503 with
/// a typed problem and a Retry-After hint instead of a 500. The detail names the dependency, not its
/// address: the exception's message (with the endpoint) goes to the log only.
/// </summary>
public sealed partial class DependencyUnavailableExceptionHandler(
    IProblemDetailsService problems,
    ILogger<DependencyUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (type, title, detail) = exception switch
        {
            StorageUnavailableException => (ProblemTypes.StorageUnavailable, "Storage unavailable", "Object storage cannot be reached right now. Try again shortly."),
            CacheUnavailableException => (ProblemTypes.CacheUnavailable, "Cache unavailable", "The sign-in cache cannot be reached right now. Try again shortly."),
            ResourcesUnavailableException => (ProblemTypes.ResourcesUnavailable, "Configuration unavailable", "The Organization's resources cannot be read from Kubernetes right now. Try again shortly."),
            MailUnavailableException => (ProblemTypes.MailUnavailable, "Mail unavailable", "The mail relay did not take the e-mail right now. Try again shortly."),
            _ => default,
        };
        if (type is null || httpContext.Response.HasStarted) return false;

        // The route pattern, not the path: a transfer path carries its grant.
        Unavailable(logger, (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no endpoint)", exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = type,
                Title = title,
                Detail = detail,
            },
        });
    }

    [LoggerMessage(1, LogLevel.Warning, "Answered a request to {Route} with 503: {Reason}")]
    private static partial void Unavailable(ILogger logger, string route, string reason);
}
