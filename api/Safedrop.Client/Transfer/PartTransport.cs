using System.Net;
using System.Security.Cryptography;
using Safedrop.Client.Api;

namespace Safedrop.Client.Transfer;

/// <summary>
/// Moves one sealed part to or from its URL, retrying that part alone with exponential backoff and jitter.
/// Network errors, timeouts, 408, 429 and 5xx are retried; a 403 means the URL expired or was refused, so the part
/// gets a fresh URL before its next try. Every other answer fails the part at once.
/// </summary>
internal sealed class PartTransport(ApiConnection connection, SafedropClientOptions options)
{
    public Task PutAsync(PartUrlCache urls, string fileId, long part, ReadOnlyMemory<byte> sealedPart, CancellationToken cancellationToken) =>
        WithRetriesAsync(urls, fileId, part, async (url, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ReadOnlyMemoryContent(sealedPart) };
            request.Content.Headers.ContentType = new("application/octet-stream");
            using var response = await SendAsync(request, token);
            await ThrowIfFailedAsync(response, $"Upload of part {part} of file {fileId}", token);
            return 0;
        }, cancellationToken);

    /// <summary>Reads a part into <paramref name="destination"/> and returns its length; a part longer than the buffer fails.</summary>
    public Task<int> GetAsync(PartUrlCache urls, string fileId, long part, Memory<byte> destination, CancellationToken cancellationToken) =>
        WithRetriesAsync(urls, fileId, part, async (url, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await SendAsync(request, token);
            await ThrowIfFailedAsync(response, $"Download of part {part} of file {fileId}", token);
            await using var body = await response.Content.ReadAsStreamAsync(token);
            var length = 0;
            while (true)
            {
                if (length == destination.Length)
                {
                    // One byte past the expected size means the stored part is not the one sealed for this place.
                    var probe = new byte[1];
                    if (await body.ReadAsync(probe, token) > 0)
                        throw new PackageIntegrityException($"Part {part} of file {fileId} is longer than it was sealed: the stored data was altered.");
                    return length;
                }

                var read = await body.ReadAsync(destination[length..], token);
                if (read == 0) return length;
                length += read;
            }
        }, cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.ClientFor(request.RequestUri!).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new PartTransferException($"{request.Method} of a part failed: {e.Message}", null, retryable: true, urlRejected: false, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout surfaces as a cancellation nobody asked for.
            throw new PartTransferException($"{request.Method} of a part timed out.", null, retryable: true, urlRejected: false, e);
        }
    }

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var status = response.StatusCode;
        var problem = await ProblemReader.ReadAsync(response, what, cancellationToken);
        var retryable = status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError;
        throw new PartTransferException($"{what}: {problem.Message}", status, retryable || status == HttpStatusCode.Forbidden, status == HttpStatusCode.Forbidden, problem);
    }

    private async Task<T> WithRetriesAsync<T>(PartUrlCache urls, string fileId, long part, Func<Uri, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var url = await urls.GetAsync(fileId, part, cancellationToken);
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt(url, cancellationToken);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && tries < options.MaxAttempts)
            {
                await Task.Delay(Backoff(tries), cancellationToken);
                if (e is PartTransferException { UrlRejected: true }) url = await urls.RefreshAsync(fileId, part, url, cancellationToken);
            }
            catch (PartTransferException e)
            {
                // Out of tries, or not worth another: the API's problem (if any) tells the caller why.
                throw e.InnerException as SafedropApiException ?? new SafedropApiException($"{e.Message} (after {tries} tries)", e);
            }
        }
    }

    /// <summary>Failures another try can cure; a body cut off mid-read surfaces as an IOException or HttpRequestException.</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        PartTransferException transfer => transfer.Retryable,
        HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private TimeSpan Backoff(int tries)
    {
        var delay = options.RetryDelay * Math.Pow(2, tries - 1);
        // Jitter spreads the retries of parallel parts so they do not hit a recovering server together.
        return delay * (0.5 + RandomNumberGenerator.GetInt32(1000) / 1000.0);
    }
}
