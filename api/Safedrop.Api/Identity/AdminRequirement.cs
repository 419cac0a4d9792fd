using Microsoft.AspNetCore.Authorization;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.Identity;

/// <summary>The signed-in address is an admin of the Organization in force (as compiled now, not at sign-in).</summary>
public sealed class AdminRequirement : IAuthorizationRequirement;

public sealed class AdminAuthorizationHandler(TenantConfigStore config) : AuthorizationHandler<AdminRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.SignedInAddress() is { } address && config.Current.Config?.IsAdmin(address) == true)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
