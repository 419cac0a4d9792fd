using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Safedrop.Testing;

namespace Safedrop.Benchmarks;

/// <summary>
/// A local webhook receiver as docs/webhooks.md tells receivers to be: it verifies <c>Safedrop-Signature</c> over the
/// raw body with the shared secret and refuses timestamps over five minutes away, de-duplicates on the event id, and
/// records when each event's packageId first arrived (<see cref="Stopwatch"/> ticks) and how long after the event's
/// <c>occurredAt</c> (the API runs on this machine, so both times come from one clock). Bad signatures get 401.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private const long ReplayWindowSeconds = 300;

    private readonly HttpListener listener = new();
    private readonly byte[] secret;
    private readonly ConcurrentDictionary<string, byte> seenEvents = new(StringComparer.Ordinal);
    private readonly Task loop;
    private readonly Lock waiterLock = new();
    private (int Count, TaskCompletionSource Signal)? waiter;
    private long signatureFailures;
    private long duplicates;

    private WebhookReceiver(byte[] secret)
    {
        this.secret = secret;
        Url = new Uri($"http://127.0.0.1:{FreePort.Next()}/hook/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

    /// <summary>packageId to the arrival of its first valid delivery.</summary>
    public ConcurrentDictionary<string, long> Arrivals { get; } = new(StringComparer.Ordinal);

    /// <summary>packageId to the time from the event's <c>occurredAt</c> to its first valid delivery.</summary>
    public ConcurrentDictionary<string, TimeSpan> SinceOccurred { get; } = new(StringComparer.Ordinal);

    public long SignatureFailures => Interlocked.Read(ref signatureFailures);

    public long Duplicates => Interlocked.Read(ref duplicates);

    public static WebhookReceiver Start(byte[] secret) => new(secret);

    /// <summary>Completes once <paramref name="count"/> distinct packages have been delivered; one waiter at a time.</summary>
    public Task WhenArrived(int count)
    {
        lock (waiterLock)
        {
            if (Arrivals.Count >= count) return Task.CompletedTask;
            waiter = (count, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            return waiter.Value.Signal.Task;
        }
    }

    private async Task AcceptAsync()
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
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        var arrivedAt = TimeProvider.System.GetUtcNow();
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var bytes = body.ToArray();
        var valid = IsValid(context.Request.Headers["Safedrop-Timestamp"], context.Request.Headers["Safedrop-Signature"], bytes);
        if (valid) Record(bytes, arrived, arrivedAt);
        else Interlocked.Increment(ref signatureFailures);
        context.Response.StatusCode = valid ? 204 : 401;
        context.Response.Close();
    }

    private void Record(byte[] body, long arrived, DateTimeOffset arrivedAt)
    {
        using var json = JsonDocument.Parse(body);
        var id = json.RootElement.GetProperty("id").GetString()!;
        if (!seenEvents.TryAdd(id, 0))
        {
            Interlocked.Increment(ref duplicates);
            return;
        }
        if (!json.RootElement.TryGetProperty("packageId", out var package) || package.GetString() is not { } packageId || !Arrivals.TryAdd(packageId, arrived))
            return;
        SinceOccurred[packageId] = arrivedAt - json.RootElement.GetProperty("occurredAt").GetDateTimeOffset();
        lock (waiterLock)
        {
            if (waiter is { } w && Arrivals.Count >= w.Count) w.Signal.TrySetResult();
        }
    }

    private bool IsValid(string? timestampHeader, string? signature, byte[] body)
    {
        if (signature is null || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)) return false;
        if (Math.Abs(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - timestamp) > ReplayWindowSeconds) return false;
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".").Concat(body).ToArray();
        var computed = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(signature));
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone: on Unix, Stop then Close releases the port and then binds it again for a moment, which fails
        // ("Address already in use") when another test has taken the port in between.
        listener.Close();
        await loop;
    }
}
