using System.Net;

namespace Safedrop.Client.Transfer;

/// <summary>One try of a part transfer failed; <see cref="Retryable"/> says whether another try can help.</summary>
internal sealed class PartTransferException(string message, HttpStatusCode? status, bool retryable, bool urlRejected, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    public bool Retryable { get; } = retryable;

    /// <summary>Storage refused the URL itself (expired or not accepted): a new URL is needed, not just another try.</summary>
    public bool UrlRejected { get; } = urlRejected;
}
