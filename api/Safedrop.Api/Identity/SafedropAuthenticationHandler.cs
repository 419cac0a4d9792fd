using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Api.Identity.ApiKeys;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Identity;

/// <summary>
/// Signs a request in from <c>Authorization: Bearer &lt;session token&gt;</c>, <c>Bearer sdk_&lt;api key&gt;</c>, or the
/// <see cref="CookieName"/> cookie (the portal). An API key signs in as its owner only while the owner still holds
/// <see cref="Permission.ApiKeys"/>. Answers a challenge with a 401 problem and a refusal with a 403 problem.
/// </summary>
public sealed class SafedropAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionStore sessions,
    ApiKeyStore apiKeys,
    TenantConfigStore config) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Safedrop";
    public const string CookieName = "safedrop_session";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken() ?? Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();

        if (token.StartsWith(ApiKeyStore.TokenPrefix, StringComparison.Ordinal))
        {
            var key = await apiKeys.AuthenticateAsync(token, Context.RequestAborted);
            if (key is null || !EmailAddress.TryParse(key.Owner, out var owner)) return AuthenticateResult.Fail("Unknown or revoked API key.");
            if (config.Current.Config?.Resolve(owner, Permission.ApiKeys) is not { Held: true })
                return AuthenticateResult.Fail("The API key's owner no longer holds the ApiKeys permission.");
            return Success(owner, "api-key", key.Id);
        }

        var session = await sessions.ValidateAsync(token, Context.RequestAborted);
        return session is null ? AuthenticateResult.Fail("Unknown or expired session.") : Success(session.Address, "session", session.Id);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            type: ProblemTypes.Unauthorized,
            title: "Not signed in",
            detail: "Sign in with a PIN (POST /v1/auth/pin) or present an API key; the session may have expired.").ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            type: ProblemTypes.Forbidden,
            title: "Not allowed",
            detail: "Only admins of the Organization may do this.").ExecuteAsync(Context);

    private string? BearerToken()
    {
        var header = Request.Headers.Authorization.ToString();
        return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
    }

    private static AuthenticateResult Success(EmailAddress address, string method, string id)
    {
        var identity = new ClaimsIdentity(
            [new Claim(SafedropClaims.Email, address.Value), new Claim(SafedropClaims.Method, method), new Claim(SafedropClaims.SessionId, id)],
            SchemeName, SafedropClaims.Email, null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
