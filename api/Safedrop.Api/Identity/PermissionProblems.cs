using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Identity;

/// <summary>A 403 that names the missing Security Group permission and why it is not held (SPEC §2, §5).</summary>
public static class PermissionProblems
{
    /// <summary>Null when <paramref name="address"/> holds <paramref name="permission"/>, else the problem to answer.</summary>
    public static ProblemHttpResult? Require(TenantConfigStore config, EmailAddress address, Permission permission, string doing)
    {
        ArgumentNullException.ThrowIfNull(config);
        var decision = config.Current.Config?.Resolve(address, permission);
        if (decision is { Held: true }) return null;

        var reason = decision?.Explanation ?? "no configuration is in force";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            type: ProblemTypes.PermissionMissing,
            title: $"Permission {permission} missing",
            detail: $"{doing} needs the {permission} permission, which {address.Value} does not hold: {reason}.",
            extensions: new Dictionary<string, object?> { ["permission"] = permission.ToString(), ["reason"] = reason });
    }
}
