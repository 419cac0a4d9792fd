using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Identity.Impersonation;

/// <summary>
/// SPEC §4: an admin acts as a registered user (service accounts included) by sending
/// <c>Safedrop-Act-As: user@example</c>, for the Personal Workflow endpoints under <see cref="Scope"/> only.
/// The endpoints then see the user's identity (a workflow's owner stays the user); the audit log records the
/// user as actor and the admin in <c>OnBehalfOf</c>. <see cref="ImpersonationGuard"/> refuses the header on
/// every other path, so it can never silently widen what an admin does elsewhere.
/// </summary>
public static class Impersonation
{
    public const string Header = "Safedrop-Act-As";

    /// <summary>The only paths where <see cref="Header"/> has an effect.</summary>
    public static readonly PathString Scope = "/v1/workflows";

    /// <summary>
    /// Who the request acts as: the signed-in address, or the user named by <see cref="Header"/> when the signed-in
    /// address is an admin of the Organization in force and the user is registered.
    /// </summary>
    public static Outcome<ActingIdentity> Resolve(HttpContext context, TenantConfig config)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        var signedIn = context.User.SignedInAddress() ?? throw new InvalidOperationException("An authorization policy admitted a request without an address.");
        var values = context.Request.Headers[Header];
        if (values.Count == 0) return new ActingIdentity(signedIn, null);

        if (!config.IsAdmin(signedIn))
            return new ApiProblem(StatusCodes.Status403Forbidden, ProblemTypes.ImpersonationRefused, "Impersonation refused",
                $"Only admins of the Organization may act as another user ({Header}); {signedIn.Value} is not an admin.");
        if (values.Count != 1 || !EmailAddress.TryParse(values[0], out var target))
            return new ApiProblem(StatusCodes.Status400BadRequest, ProblemTypes.ImpersonationTargetInvalid, "Impersonation target invalid",
                $"{Header} must hold exactly one e-mail address.");
        if (!config.IsRegistered(target))
            return new ApiProblem(StatusCodes.Status400BadRequest, ProblemTypes.ImpersonationTargetInvalid, "Impersonation target invalid",
                $"{target.Value} is not a registered user of the Organization: only registered users (service accounts included) can be acted for.");
        return new ActingIdentity(target, target.Value == signedIn.Value ? null : signedIn);
    }
}

/// <summary>The identity a request acts as, and the admin acting for it when impersonating.</summary>
public sealed record ActingIdentity(EmailAddress Address, EmailAddress? Admin);
