using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Safedrop.Testing;

/// <summary>
/// A webhook endpoint for tests on a free loopback port: checks each delivery's <c>Safedrop-Signature</c> as
/// docs/webhooks.md tells receivers to (independently of the API's code), answers 500 to the first
/// <c>failFirst</c> deliveries and 204 afterwards, and keeps every delivery. With <c>hang</c> it never answers
/// (a receiver that is down behind a proxy that holds connections): deliveries are kept with status 0, and the
/// requests stay open until the receiver is disposed.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly byte[] secret;
    private readonly int failFirst;
    private readonly bool hang;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private readonly Task loop;
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WebhookReceiver(string secret, int failFirst = 0, bool hang = false)
    {
        this.secret = Encoding.UTF8.GetBytes(secret);
        this.failFirst = failFirst;
        this.hang = hang;
        var port = FreePort.Next();
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<ReceivedWebhook> Deliveries => [.. received];

    /// <summary>Deliveries answered with success.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => [.. received.Where(r => r.Status is >= 200 and < 300)];

    /// <summary>Waits until <paramref name="count"/> deliveries were accepted.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAcceptedAsync(int count, TimeSpan timeout)
    {
        await WaitUntilAsync(() => Accepted.Count >= count, timeout);
        return Accepted;
    }

    /// <summary>Waits until <paramref name="count"/> deliveries arrived, whatever the answer (or none, when hanging).</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForDeliveriesAsync(int count, TimeSpan timeout)
    {
        await WaitUntilAsync(() => received.Count >= count, timeout);
        return Deliveries;
    }

    private async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!done())
        {
            var signal = Volatile.Read(ref arrived).Task;
            if (done()) break;
            await signal.WaitAsync(deadline.Token);
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var bytes = body.ToArray();
            var timestamp = context.Request.Headers["Safedrop-Timestamp"];
            var signature = context.Request.Headers["Safedrop-Signature"];
            var verified = Verify(timestamp, signature, bytes);
            var status = hang ? 0 : received.Count < failFirst ? 500 : verified ? 204 : 401;
            received.Enqueue(new ReceivedWebhook(Encoding.UTF8.GetString(bytes), timestamp, signature, verified, status));
            if (!hang)
            {
                context.Response.StatusCode = status;
                context.Response.Close();
            }
            // Left open when hanging; closing the listener on dispose aborts it.
            Interlocked.Exchange(ref arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private bool Verify(string? timestamp, string? signature, byte[] body)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature is null) return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300) return false;
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone: on Unix, Stop then Close releases the port and then binds it again for a moment, which fails
        // ("Address already in use") when another test has taken the port in between.
        listener.Close();
        await loop;
    }
}

/// <param name="Status">What the receiver answered; 0 when it never answered (hanging).</param>
public sealed record ReceivedWebhook(string Body, string? Timestamp, string? Signature, bool Verified, int Status);
