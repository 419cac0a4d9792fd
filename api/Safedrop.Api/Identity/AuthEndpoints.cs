using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Identity;

public static class AuthEndpoints
{
    /// <summary>PIN sign-in, sign-out and <c>/v1/me</c>. Only an explicit POST sends a PIN: no page or GET does.</summary>
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/v1/auth").WithTags("Sign-in");
        auth.MapPost("/pin", RequestPinAsync)
            .WithName("RequestPin")
            .WithSummary("E-mail a PIN to an address")
            .WithDescription("The same 202 answer for every valid address, registered or not. Limited per address and per client.")
            .Produces<PinRequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/pin/verify", VerifyPinAsync)
            .WithName("VerifyPin")
            .WithSummary("Sign in with the PIN")
            .WithDescription("Returns a session token once and sets the safedrop_session cookie. A PIN works once; wrong entries count down to void.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/sign-out", SignOutAsync)
            .RequireAuthorization(SafedropClaims.SignedInPolicy)
            .WithName("SignOut")
            .WithSummary("End the session")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        app.MapGet("/v1/me", GetMe)
            .RequireAuthorization(SafedropClaims.SignedInPolicy)
            .WithTags("Sign-in")
            .WithName("GetMe")
            .WithSummary("Who is signed in, and which permissions they hold and why")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<Results<Accepted<PinRequestAccepted>, ProblemHttpResult>> RequestPinAsync(
        PinRequestBody body, PinSignIn pins, HttpContext http, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryParse(body?.Email, out var address)) return MalformedAddress();
        var result = await pins.RequestAsync(address, ClientAddresses.Of(http), cancellationToken);
        if (result.RetryAfter is { } wait) return TooManyRequests(http, wait);
        return TypedResults.Accepted((string?)null, new PinRequestAccepted(result.ExpiresInSeconds));
    }

    private static async Task<Results<Ok<SignedInResponse>, ProblemHttpResult>> VerifyPinAsync(
        PinVerifyBody body, PinSignIn pins, HttpContext http, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryParse(body?.Email, out var address)) return MalformedAddress();
        if (string.IsNullOrWhiteSpace(body.Pin))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.BadRequest, title: "PIN missing", detail: "Send the PIN from the e-mail as 'pin'.");

        var result = await pins.VerifyAsync(address, body.Pin.Trim(), ClientAddresses.Of(http), cancellationToken);
        switch (result)
        {
            case PinVerifyResult.Success success:
                http.Response.Cookies.Append(SafedropAuthenticationHandler.CookieName, success.Session.Token, new CookieOptions
                {
                    HttpOnly = true,
                    Secure = true,
                    SameSite = SameSiteMode.Strict,
                    Path = "/",
                    Expires = success.Session.ExpiresAt,
                    IsEssential = true,
                });
                return TypedResults.Ok(new SignedInResponse(success.Session.Token, address.Value, success.Session.ExpiresAt));
            case PinVerifyResult.Invalid invalid:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    type: ProblemTypes.PinInvalid,
                    title: "Wrong PIN",
                    detail: invalid.RemainingAttempts == 0
                        ? "The PIN does not match; it is now void. Request a new one."
                        : $"The PIN does not match; {invalid.RemainingAttempts} attempt(s) left.",
                    extensions: new Dictionary<string, object?> { ["remainingAttempts"] = invalid.RemainingAttempts });
            case PinVerifyResult.RateLimited limited:
                return TooManyRequests(http, limited.RetryAfter);
            default:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    type: ProblemTypes.PinExpired,
                    title: "No PIN pending",
                    detail: "No PIN is pending for this address: it expired, was used, or was voided by wrong attempts. Request a new one.",
                    extensions: new Dictionary<string, object?> { ["remainingAttempts"] = 0 });
        }
    }

    private static async Task<NoContent> SignOutAsync(HttpContext http, SessionStore sessions, [FromServices] IAuditLog audit, CancellationToken cancellationToken)
    {
        var user = http.User;
        var method = user.FindFirst(SafedropClaims.Method)?.Value;
        // An API key is revoked through DELETE /v1/api-keys/{id}; signing out ends sessions only.
        if (method == "session" && user.FindFirst(SafedropClaims.SessionId)?.Value is { } sessionId)
            await sessions.RevokeAsync(sessionId, cancellationToken);
        http.Response.Cookies.Delete(SafedropAuthenticationHandler.CookieName, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/" });
        await audit.RecordAsync(new AuditEvent("auth.sign-out", user.SignedInAddress()?.Value ?? "anonymous", null, AuditOutcome.Succeeded)
        {
            ClientAddress = ClientAddresses.Of(http),
        }, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Ok<MeResponse> GetMe(HttpContext http, TenantConfigStore store)
    {
        var address = http.User.SignedInAddress()!.Value;
        var config = store.Current.Config;
        var organization = config?.Organization;
        var permissions = Enum.GetValues<Permission>()
            .Select(p => config?.Resolve(address, p) is { } decision
                ? new PermissionState(p.ToString(), decision.Held, decision.Explanation, decision.Basis.ToString(), decision.Groups)
                : new PermissionState(p.ToString(), false, "no configuration is in force", nameof(PermissionBasis.FeatureUnavailable), []))
            .ToList();
        return TypedResults.Ok(new MeResponse(
            address.Value,
            config?.IsRegistered(address) == true,
            config?.IsAdmin(address) == true,
            organization?.DisplayName ?? organization?.Name,
            permissions));
    }

    private static ProblemHttpResult MalformedAddress() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        type: ProblemTypes.BadRequest,
        title: "Not an e-mail address",
        detail: "Send a valid e-mail address as 'email'.");

    private static ProblemHttpResult TooManyRequests(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            type: ProblemTypes.TooManyRequests,
            title: "Too many requests",
            detail: $"Too many sign-in requests; try again in {seconds} seconds.");
    }
}
