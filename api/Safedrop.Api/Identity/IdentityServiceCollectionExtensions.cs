using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.Identity.ApiKeys;
using Safedrop.Api.Identity.DeviceKeys;
using Safedrop.Api.Storage;

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

        // Temporary until the storage feature registers the real store (TryAdd: whichever registers first wins,
        // and a later plain AddSingleton overrides this for resolution).
        services.TryAddSingleton<IObjectStore>(sp => new FolderObjectStore(
            Path.Combine(sp.GetRequiredService<IOptions<LocalModeOptions>>().Value.DataFolder, "objects"),
            sp.GetRequiredService<TimeProvider>()));

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
