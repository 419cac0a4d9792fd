using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Schema;

namespace Safedrop.Api.SecurityGroups;

public static class SecurityGroupProblems
{
    public static ApiProblem Unavailable(CompiledOrganization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new(StatusCodes.Status403Forbidden, ProblemTypes.SecurityGroupsUnavailable, "Security Groups are not part of this plan",
            $"Security Groups are a Business and Enterprise feature; {organization.DisplayName ?? organization.Name} is on the {organization.Plan} plan.");
    }

    public static ApiProblem NotFound(string name) =>
        new(StatusCodes.Status404NotFound, ProblemTypes.SecurityGroupNotFound, "No such Security Group", $"No Security Group named {name} is in force.");

    public static ApiProblem InvalidMembers(IReadOnlyList<MemberEntryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(StatusCodes.Status400BadRequest, ProblemTypes.InvalidMembers, "Member list refused",
            $"Nothing was changed: {errors.Count} {(errors.Count == 1 ? "entry is" : "entries are")} not acceptable; see errors.")
        {
            Extensions = new Dictionary<string, object?> { ["errors"] = errors },
        };
    }

    /// <summary>The group would break its CRD schema (for example more than its maximum of members).</summary>
    public static ApiProblem InvalidMembers(IReadOnlyList<SchemaViolation> violations) =>
        InvalidMembers([.. (violations ?? []).Select(v => new MemberEntryError(null, v.Reason, $"{v.Path}: {v.Message}"))]);

    public static ApiProblem MemberNotFound(string group, string address) =>
        new(StatusCodes.Status404NotFound, ProblemTypes.MemberNotFound, "Not a member", $"{address} is not a member of {group}.");

    public static ApiProblem WriteConflict(string detail) =>
        new(StatusCodes.Status409Conflict, ProblemTypes.WriteBackConflict, "The resource kept changing", detail + " Nothing of this request was written.");
}
