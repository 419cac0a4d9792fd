using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;
using Safedrop.Api.SecurityGroups;

namespace Safedrop.Api.Dropzones;

public static class DropzoneSettingsEndpoints
{
    /// <summary>Owners and DropzoneManagers edit a Dropzone's settings and members; written back to the Dropzone resource.</summary>
    public static IEndpointRouteBuilder MapDropzoneSettings(this IEndpointRouteBuilder app)
    {
        app.MapPatch("/v1/dropzones/{name}", UpdateAsync)
            .WithTags("Dropzones")
            .RequireAuthorization(SafedropClaims.SignedInPolicy)
            .WithName("UpdateDropzone")
            .WithSummary("Edit a Dropzone's settings and members")
            .WithDescription("The owner, or a holder of DropzoneManager for this Dropzone, changes displayName, description, members (add/remove as comma-separated lists), senderDomainAccess, retentionDays and limits. Checked with the Dropzone CRD's schema, written back to the Dropzone resource, audited; the answer names the generation that carries the change.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<DropzoneSettingsChanged>, ProblemHttpResult>> UpdateAsync(
        string name, DropzoneSettingsPatch patch, HttpContext context, DropzoneSettings settings, CancellationToken cancellationToken) =>
        OutcomeResults.Answer(await settings.UpdateAsync(name, patch, EditActor.Of(context), cancellationToken));
}
