using Microsoft.AspNetCore.Diagnostics;
using Safedrop.Api.Http;
using Safedrop.Api.Mail;

namespace Safedrop.Api.Caches;

/// <summary>
/// A cache or the mail relay being down is a passing condition, not a bug: 503 with Retry-After and a
/// problem that says which part is missing, instead of a 500.
/// </summary>
public sealed class UnavailableDependencyExceptionHandler : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (type, title) = exception switch
        {
            CacheUnavailableException => (ProblemTypes.CacheUnavailable, "Sign-in cache unavailable"),
            MailUnavailableException => (ProblemTypes.MailUnavailable, "Mail relay unavailable"),
            _ => (null, null),
        };
        if (type is null) return false;

        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            type: type,
            title: title,
            detail: "A part of the service is unreachable for a moment; try again shortly.").ExecuteAsync(httpContext);
        return true;
    }
}
