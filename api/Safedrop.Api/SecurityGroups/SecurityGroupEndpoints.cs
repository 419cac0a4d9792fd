using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;

namespace Safedrop.Api.SecurityGroups;

public static class SecurityGroupEndpoints
{
    /// <summary>Admins list Security Groups and manage their members; changes are written back to the SecurityGroup resources.</summary>
    public static IEndpointRouteBuilder MapSecurityGroups(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/admin/security-groups")
            .WithTags("Security Groups")
            .RequireAuthorization(SafedropClaims.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("", List)
            .WithName("ListSecurityGroups")
            .WithSummary("Security Groups in force")
            .WithDescription("Each group's permissions, members and, for DropzoneManager, the Dropzones it is limited to (empty: all). Admins; Business and Enterprise plans.");
        group.MapPost("/{name}/members", AddAsync)
            .WithName("AddSecurityGroupMembers")
            .WithSummary("Add members to a Security Group")
            .WithDescription("'members' holds one address or up to 50 separated by commas. A malformed, unregistered or duplicate address (or one already a member), or more than 50, refuses the whole list: the problem's errors list every bad entry and nothing is written. Accepted members are written back to the SecurityGroup resource and audited; the answer names the generation that carries the change.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{name}/members/{email}", RemoveAsync)
            .WithName("RemoveSecurityGroupMember")
            .WithSummary("Remove a member from a Security Group")
            .WithDescription("Written back to the SecurityGroup resource and audited; the answer names the generation that carries the change.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static Results<Ok<IReadOnlyList<SecurityGroupSummary>>, ProblemHttpResult> List(SecurityGroupMembership membership) =>
        OutcomeResults.Answer(membership.List());

    private static async Task<Results<Ok<MembershipChanged>, ProblemHttpResult>> AddAsync(
        string name, AddMembersBody body, HttpContext context, SecurityGroupMembership membership, CancellationToken cancellationToken) =>
        OutcomeResults.Answer(await membership.AddAsync(name, body, EditActor.Of(context), cancellationToken));

    private static async Task<Results<Ok<MembershipChanged>, ProblemHttpResult>> RemoveAsync(
        string name, string email, HttpContext context, SecurityGroupMembership membership, CancellationToken cancellationToken) =>
        OutcomeResults.Answer(await membership.RemoveAsync(name, email, EditActor.Of(context), cancellationToken));
}
