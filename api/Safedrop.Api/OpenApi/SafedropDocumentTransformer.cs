using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Safedrop.Api.Http;

namespace Safedrop.Api.OpenApi;

/// <summary>
/// The document's front matter: what the API is, how to authenticate (session bearer token, API key or
/// the portal's cookie), and the catalogue of problem types, listed in the ProblemDetails schema.
/// </summary>
public sealed class SafedropDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "session-cookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Safedrop API",
            Version = ApiReferenceExtensions.DocumentName,
            Description = """
                Secure file exchange. Packages are end-to-end encrypted by clients (docs/encryption.md): this API decides
                access, signs transfer URLs and keeps the audit log, but never sees plaintext or keycodes.

                Sign in by e-mail PIN (`POST /v1/auth/pin`, then `/v1/auth/pin/verify`), then send the session token as
                `Authorization: Bearer <token>` (or an API key `sdk_...` the same way); the portal uses the `safedrop_session` cookie.

                Errors are RFC 9457 problem details. Branch on `type`, which is stable; every type is listed in the
                `ProblemDetails` schema and in `x-problem-types`.
                """,
        };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A session token from PIN sign-in, or an API key (sdk_...).",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "safedrop_session",
            Description = "The portal's session cookie (HttpOnly, Secure, SameSite=Strict).",
        };

        var types = new JsonArray([.. ProblemTypeCatalog.All.Select(t => (JsonNode)JsonValue.Create(t))]);
        document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        document.Extensions["x-problem-types"] = new JsonNodeExtension(types);
        if (document.Components.Schemas?.TryGetValue("ProblemDetails", out var problem) == true
            && problem is OpenApiSchema { Properties: { } properties } && properties.TryGetValue("type", out var type) && type is OpenApiSchema typeSchema)
        {
            typeSchema.Description = "Stable problem type; one of " + string.Join(", ", ProblemTypeCatalog.All.Select(t => t[ProblemTypes.Prefix.Length..])) + " (under " + ProblemTypes.Prefix + ").";
            typeSchema.Enum = [.. ProblemTypeCatalog.All.Select(t => (JsonNode)JsonValue.Create(t))];
        }
        return Task.CompletedTask;
    }
}
