using Safedrop.Api.Http;

namespace Safedrop.Api.Identity.Impersonation;

/// <summary>
/// Refuses the <see cref="Impersonation.Header"/> on every path outside <see cref="Impersonation.Scope"/> with a
/// 400 problem, before anything else runs: an admin expecting to act as a user elsewhere (packages, workspaces,
/// keys, /v1/me) learns at once that impersonation does not reach there, rather than acting as themselves.
/// </summary>
public sealed class ImpersonationGuard : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (context.Request.Headers.ContainsKey(Impersonation.Header) && !context.Request.Path.StartsWithSegments(Impersonation.Scope))
            {
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    type: ProblemTypes.ImpersonationNotAllowedHere,
                    title: "Impersonation not allowed here",
                    detail: $"{Impersonation.Header} works only for the Personal Workflow endpoints ({Impersonation.Scope}); remove it to act as yourself.")
                    .ExecuteAsync(context);
                return;
            }

            await following(context);
        });
        next(app);
    };
}
