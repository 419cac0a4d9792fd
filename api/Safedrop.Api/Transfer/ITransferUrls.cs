using Safedrop.Api.Storage;

namespace Safedrop.Api.Transfer;

/// <summary>Where a client PUTs or GETs one object: a presigned S3 URL when browsers can reach S3, else the API's streaming URL.</summary>
public interface ITransferUrls
{
    /// <param name="length">The exact byte length an upload must have; ignored for downloads.</param>
    Task<Uri> UrlForAsync(string key, TransferDirection direction, long? length, TimeSpan expiry, CancellationToken cancellationToken = default);
}
