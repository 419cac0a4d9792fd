using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Caches;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/v1/admin/audit")
            .WithTags("Audit")
            .RequireAuthorization(SafedropClaims.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        audit.MapGet("", QueryAsync)
            .WithName("QueryAuditLog")
            .WithSummary("Audit records, newest first, filtered and paged")
            .WithDescription("Filters combine with AND: from <= time < to (ISO 8601), actor (exact, any case), action (exact, or a prefix ending in '.', such as 'auth.'), resource (exact). pageSize 1-500 (default 50). Pass nextCursor back as cursor for older records; it is null when none are left. A page may hold fewer items than pageSize (even none) while nextCursor is set: one request reads a bounded number of records.")
            .Produces<AuditPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        audit.MapGet("/verify", VerifyAsync)
            .WithName("VerifyAuditLog")
            .WithSummary("Check the audit chain from its first record")
            .WithDescription("Walks every segment: sequences without gaps or reordering, each record's hash, each link to the record before, and the head naming exactly the last record. Reports the first broken sequence and why (malformed, hash-mismatch, chain-broken, gap, reordered, head-mismatch, head-behind).")
            .Produces<AuditVerification>();
        return app;
    }

    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> QueryAsync(
        string? from, string? to, string? actor, string? action, string? resource, string? pageSize, string? cursor,
        AuditReader reader, CancellationToken cancellationToken)
    {
        if (!TryParseTime(from, out var fromTime)) return Invalid($"'from' is not an ISO 8601 time: '{from}'.");
        if (!TryParseTime(to, out var toTime)) return Invalid($"'to' is not an ISO 8601 time: '{to}'.");
        if (fromTime is not null && toTime is not null && fromTime > toTime) return Invalid("'from' is after 'to'.");
        var size = AuditQuery.DefaultPageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > AuditQuery.MaxPageSize))
            return Invalid($"'pageSize' must be a whole number from 1 to {AuditQuery.MaxPageSize}.");
        long? start = null;
        if (cursor is not null)
        {
            if (!AuditReader.TryParseCursor(cursor, out var sequence)) return Invalid("'cursor' is not one this API returned; pass nextCursor from the previous page unchanged.");
            start = sequence;
        }

        if (Blank(actor) || Blank(action) || Blank(resource)) return Invalid("'actor', 'action' and 'resource' must not be empty when given.");
        var query = new AuditQuery(fromTime, toTime, actor?.Trim(), action?.Trim(), resource?.Trim(), size, start);
        try
        {
            return TypedResults.Ok(await reader.QueryAsync(query, cancellationToken));
        }
        catch (StorageUnavailableException e)
        {
            return Unavailable(e);
        }
    }

    private static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> VerifyAsync(AuditVerifier verifier, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await verifier.VerifyAsync(cancellationToken));
        }
        catch (Exception e) when (e is StorageUnavailableException or CacheUnavailableException)
        {
            return Unavailable(e);
        }
        catch (AuditChainException e)
        {
            // The head itself cannot be read as a head: that is a finding, not an outage.
            return TypedResults.Ok(new AuditVerification(false, 0, 0, AuditBreakReasons.HeadMismatch, e.Message));
        }
    }

    private static bool TryParseTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (text is null) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)) return false;
        time = parsed;
        return true;
    }

    private static bool Blank(string? value) => value is not null && string.IsNullOrWhiteSpace(value);

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid audit query", type: ProblemTypes.AuditQueryInvalid);

    private static ProblemHttpResult Unavailable(Exception e) =>
        TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Audit log unavailable", type: ProblemTypes.AuditLogUnavailable);
}
