using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Safedrop.Api.Http;

/// <summary>
/// Applies the body size limit of the matched endpoint (or the default): a declared Content-Length
/// over it is refused at once with a 413 problem; a chunked body is cut off by the server while it
/// is read (the exception handler turns that into the same problem).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpointLimit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = endpointLimit is null ? options.Value.MaxRequestBodyBytes : endpointLimit.MaxRequestBodySize;
        if (limit is null) return next(context);

        if (context.Request.ContentLength > limit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                type: ProblemTypes.PayloadTooLarge,
                title: "Request body too large",
                detail: $"This endpoint accepts at most {limit} bytes.").ExecuteAsync(context);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        return next(context);
    }
}
