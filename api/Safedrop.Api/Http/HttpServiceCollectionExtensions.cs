using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;

namespace Safedrop.Api.Http;

public static class HttpServiceCollectionExtensions
{
    /// <summary>Problem details for every error, JSON conventions and request limits.</summary>
    public static IServiceCollection AddSafedropHttp(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // The framework's defaults point at RFC sections; every Safedrop error gets a Safedrop type instead.
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
                problem.Type = ProblemTypes.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            problem.Instance ??= context.HttpContext.Request.Path;
        });
        services.Configure<ExceptionHandlerOptions>(options =>
            // A body over the limit or a malformed request is the client's error, not a 500.
            options.StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOptions<RequestLimitsOptions>()
            .BindConfiguration(RequestLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    /// <summary>The pipeline in front of every endpoint: headers, errors as problems, routing, body limits.</summary>
    public static WebApplication UseSafedropHttp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }
}
