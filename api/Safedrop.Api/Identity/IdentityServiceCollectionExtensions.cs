using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Safedrop.Api.Identity.ApiKeys;
using Safedrop.Api.Identity.DeviceKeys;

namespace Safedrop.Api.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>PIN sign-in, sessions, API keys, device keys, the authentication scheme and the policies.</summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ServerSecrets>();
        services.AddSingleton<PinCodes>();
        services.AddSingleton<RequestRateLimiter>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<PinSignIn>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<DeviceKeyStore>();

        services.AddAuthentication(SafedropAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SafedropAuthenticationHandler>(SafedropAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, AdminAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SafedropClaims.SignedInPolicy, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(SafedropClaims.AdminPolicy, policy => policy.RequireAuthenticatedUser().AddRequirements(new AdminRequirement()));
        return services;
    }

    public static WebApplication UseIdentity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app) =>
        app.MapAuth().MapApiKeys().MapDeviceKeys();
}
