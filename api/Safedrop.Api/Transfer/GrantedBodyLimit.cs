using Microsoft.AspNetCore.Http.Metadata;

namespace Safedrop.Api.Transfer;

/// <summary>
/// Endpoint metadata: no fixed body limit here (the request-limits middleware steps aside); the handler
/// sets the server's limit to the length its grant allows before it reads a byte.
/// </summary>
internal sealed class GrantedBodyLimit : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => null;
}
