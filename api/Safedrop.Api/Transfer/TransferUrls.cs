using Safedrop.Api.Storage;

namespace Safedrop.Api.Transfer;

/// <summary>
/// Presigned S3 URLs first (bytes never pass through the API); otherwise <c>{base}/v1/transfer/{grant}</c>,
/// where base is <c>Safedrop:PublicUrl</c> or, when unset, the address the current request came to.
/// </summary>
public sealed class TransferUrls(
    IObjectStore store,
    TransferGrants grants,
    TimeProvider time,
    IConfiguration configuration,
    IHttpContextAccessor httpContext) : ITransferUrls
{
    public async Task<Uri> UrlForAsync(string key, TransferDirection direction, long? length, TimeSpan expiry, CancellationToken cancellationToken = default)
    {
        ObjectKeys.EnsureValid(key);
        if (direction == TransferDirection.Upload && length is not >= 0)
            throw new ArgumentException("An upload URL fixes the object's length.", nameof(length));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(expiry, TimeSpan.Zero);

        if (await store.PresignAsync(key, direction, expiry, cancellationToken) is { } presigned) return presigned;

        var token = grants.Sign(new TransferGrant(key, direction, direction == TransferDirection.Upload ? length : null, time.GetUtcNow() + expiry));
        return new Uri(BaseAddress(), $"v1/transfer/{token}");
    }

    private Uri BaseAddress()
    {
        var configured = configuration[TransferOptions.PublicUrlSetting];
        var address = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : httpContext.HttpContext?.Request is { } request
                ? $"{request.Scheme}://{request.Host}{request.PathBase}"
                : throw new InvalidOperationException($"{TransferOptions.PublicUrlSetting} is not set and there is no current request to take the API's address from.");
        // A trailing slash keeps a path base (https://host/safedrop) when the relative path is appended.
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
