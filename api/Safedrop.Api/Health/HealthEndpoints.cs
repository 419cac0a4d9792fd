using System.Net.Mime;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Safedrop.Api.Http;

namespace Safedrop.Api.Health;

public static class HealthEndpoints
{
    public const string ReadinessTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<TenantConfigHealthCheck>(TenantConfigHealthCheck.Name, tags: [ReadinessTag]);
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: the process runs (liveness; runs no check, so a bad config never gets the pod restarted).
    /// <c>/readyz</c>: a valid configuration is in force (readiness); a 503 problem says why not.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessTag),
            ResponseWriter = WriteReadinessAsync,
        });
        return app;
    }

    private static async Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        var reasons = string.Join(" ", report.Entries.Values.Select(e => e.Description));
        if (report.Status == HealthStatus.Healthy)
        {
            context.Response.ContentType = MediaTypeNames.Text.Plain;
            await context.Response.WriteAsync("Ready. " + reasons);
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = context.Response.StatusCode,
                Type = ProblemTypes.NotReady,
                Title = "Not ready",
                Detail = reasons,
            },
        });
    }
}
