using Safedrop.Api.Storage;

namespace Safedrop.Api.Transfer;

/// <summary>
/// URLs a client moves one stored object's bytes with, issued only after an access decision: presigned
/// S3 URLs when object storage is reachable from outside, else signed API URLs that stream through.
/// </summary>
public interface ITransferUrls
{
    /// <param name="length">For uploads: the exact byte count the URL accepts (enforced on the streaming path, verified at completion on the direct one).</param>
    Task<Uri> UrlForAsync(string key, TransferDirection direction, long? length, TimeSpan expiry, CancellationToken cancellationToken);
}
