using Scalar.AspNetCore;
using Safedrop.Api.Http;

namespace Safedrop.Api.OpenApi;

public static class ApiReferenceExtensions
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddApiReference(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<SafedropDocumentTransformer>();
            options.AddOperationTransformer<AuthorizationOperationTransformer>();
        });
        return services;
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and the interactive reference at <c>/scalar</c>.</summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        // Default fonts come from Scalar's CDN, which the content security policy (rightly) does not allow.
        app.MapScalarApiReference(SecurityHeadersMiddleware.ApiReferencePath, options => options.WithTitle("Safedrop API").DisableDefaultFonts());
        return app;
    }
}
