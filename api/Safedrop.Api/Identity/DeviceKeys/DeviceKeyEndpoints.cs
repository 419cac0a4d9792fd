using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Api.Workflows.Keys;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Identity.DeviceKeys;

public static class DeviceKeyEndpoints
{
    /// <summary>At most this many addresses per recipients lookup (a package's recipient list).</summary>
    public const int MaxRecipients = 100;

    public static IEndpointRouteBuilder MapDeviceKeys(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/device-keys")
            .WithTags("Trusted device keys")
            .RequireAuthorization(SafedropClaims.SignedInPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        keys.MapPost("/", RegisterAsync)
            .WithName("RegisterDeviceKey")
            .WithSummary("Register a trusted device public key (P-256 SPKI, base64url)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        keys.MapGet("/", ListAsync)
            .WithName("ListDeviceKeys")
            .WithSummary("The caller's device keys");
        keys.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteDeviceKey")
            .WithSummary("Remove a device key")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        keys.MapGet("/recipients", RecipientsAsync)
            .WithName("GetRecipientDeviceKeys")
            .WithSummary("Device public keys of the given addresses, for wrapping a package's keycode")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<Results<Created<DeviceKeyResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterDeviceKeyBody body, HttpContext http, DeviceKeyStore store, TenantConfigStore config, [FromServices] IAuditLog audit, CancellationToken cancellationToken)
    {
        var owner = http.User.SignedInAddress()!.Value;
        if (PermissionProblems.Require(config, owner, Permission.TrustedDeviceKeys, "Registering a trusted device key") is { } missing)
        {
            await audit.RecordAsync(new AuditEvent("auth.device-key.register", owner.Value, null, AuditOutcome.Denied, nameof(Permission.TrustedDeviceKeys)), cancellationToken);
            return missing;
        }

        if (Names.Problem(body?.Name) is { } bad) return bad;
        if (DevicePublicKey.Validate(body!.PublicKey) is { } invalid)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.BadRequest, title: "Invalid device key", detail: invalid);

        var record = await store.RegisterAsync(owner, body.Name!.Trim(), body.PublicKey!, cancellationToken);
        await audit.RecordAsync(new AuditEvent("auth.device-key.register", owner.Value, $"device-key/{record.Id}", AuditOutcome.Succeeded), cancellationToken);
        return TypedResults.Created($"/v1/device-keys/{record.Id}", ToResponse(record));
    }

    /// <summary>The caller's registered devices, then the keys of the caller's workflows that read packages.</summary>
    private static async Task<Ok<List<DeviceKeyResponse>>> ListAsync(
        HttpContext http, DeviceKeyStore store, WorkflowKeys workflowKeys, TenantConfigStore config, CancellationToken cancellationToken)
    {
        var owner = http.User.SignedInAddress()!.Value;
        var answer = (await store.ListAsync(owner, cancellationToken)).Select(ToResponse).ToList();
        if (config.Current.Config is { } tenant)
        {
            answer.AddRange((await workflowKeys.OfOwnersAsync(tenant, [owner.Value], cancellationToken))
                .Select(k => new DeviceKeyResponse(k.DeviceKeyId, k.DisplayName, k.PublicKey, k.CreatedAt, k.Workflow)));
        }
        return TypedResults.Ok(answer);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, DeviceKeyStore store, [FromServices] IAuditLog audit, CancellationToken cancellationToken)
    {
        var owner = http.User.SignedInAddress()!.Value;
        if (id.StartsWith(WorkflowKey.DeviceKeyIdPrefix, StringComparison.Ordinal))
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.WorkflowKeyNotDeletable, title: "A workflow key",
                detail: "This key belongs to one of your workflows: it goes when the workflow is deleted or no longer copies packages.");
        if (!await store.DeleteAsync(owner, id, cancellationToken))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such device key", detail: "You have no device key with this id.");
        await audit.RecordAsync(new AuditEvent("auth.device-key.delete", owner.Value, $"device-key/{id}", AuditOutcome.Succeeded), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Keys of owners who still hold TrustedDeviceKeys: a key registered before a Security Group restricted the
    /// permission is no longer offered to senders.
    /// </summary>
    private static async Task<Results<Ok<List<RecipientDeviceKeys>>, ProblemHttpResult>> RecipientsAsync(
        string[]? email, DeviceKeyStore store, WorkflowWrapTargets workflowKeys, TenantConfigStore config, CancellationToken cancellationToken)
    {
        var addresses = new List<EmailAddress>();
        foreach (var raw in email ?? [])
        {
            if (!EmailAddress.TryParse(raw, out var address))
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.BadRequest, title: "Not an e-mail address", detail: $"'{raw}' is not an e-mail address.");
            if (!addresses.Contains(address)) addresses.Add(address);
        }

        if (addresses.Count is 0 or > MaxRecipients)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.BadRequest, title: "Wrong number of addresses", detail: $"Give 1 to {MaxRecipients} 'email' parameters.");

        var answer = new List<RecipientDeviceKeys>();
        foreach (var address in addresses)
        {
            var holds = config.Current.Config?.Resolve(address, Permission.TrustedDeviceKeys) is { Held: true };
            var keys = holds ? await store.ListAsync(address, cancellationToken) : [];
            // Workflow keys exist only for workflows in force, which the compiler allows only while their owner holds
            // PersonalWorkflows and TrustedDeviceKeys.
            var workflows = config.Current.Config is { } tenant ? await workflowKeys.ForRecipientsAsync(tenant, [address.Value], cancellationToken) : [];
            answer.Add(new RecipientDeviceKeys(address.Value,
                [.. keys.Select(k => new RecipientDeviceKey(k.Id, k.PublicKey)), .. workflows.Select(k => new RecipientDeviceKey(k.DeviceKeyId, k.PublicKey))]));
        }

        return TypedResults.Ok(answer);
    }

    private static DeviceKeyResponse ToResponse(DeviceKeyRecord record) => new(record.Id, record.Name, record.PublicKey, record.CreatedAt);
}
