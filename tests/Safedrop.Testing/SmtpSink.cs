using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Safedrop.Testing;

/// <summary>
/// A minimal SMTP server in process on a free loopback port, for MailKit to deliver real SMTP to: EHLO/HELO,
/// AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT. It records every message and lets a test await the next one
/// for an address. No TLS: configure the sender with security None.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task acceptLoop;
    private readonly Lock gate = new();
    private readonly List<SinkMessage> unclaimed = [];
    private readonly List<(string Address, TaskCompletionSource<SinkMessage> Message)> waiters = [];
    private readonly List<SinkMessage> all = [];

    private SmtpSink()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public static SmtpSink Start() => new();

    public string Host => "127.0.0.1";

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public IReadOnlyList<SinkMessage> Messages
    {
        get
        {
            lock (gate) return [.. all];
        }
    }

    /// <summary>The next message to <paramref name="address"/> not yet taken by another wait (one already received counts).</summary>
    public Task<SinkMessage> NextMessageAsync(string address, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var found = unclaimed.FirstOrDefault(m => m.IsTo(address));
            if (found is not null)
            {
                unclaimed.Remove(found);
                return Task.FromResult(found);
            }

            var waiter = new TaskCompletionSource<SinkMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((address, waiter));
            return waiter.Task.WaitAsync(timeout, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1, false, 4096, leaveOpen: true);
            await using var writer = new StreamWriter(stream, Encoding.Latin1, 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost Safedrop SMTP sink");

            string? from = null;
            string? user = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(stopping.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost\r\n250-8BITMIME\r\n250-AUTH PLAIN\r\n250 SMTPUTF8");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "AUTH":
                        user = UserOf(line);
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "MAIL":
                        from = AddressOf(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        recipients.Add(AddressOf(line));
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = await ReadDataAsync(reader);
                        Record(new SinkMessage(from ?? "", [.. recipients], user, MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(data)))));
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the sink stops.
        }
    }

    private async Task<string> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(stopping.Token) is { } line && line != ".")
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        return data.ToString();
    }

    private void Record(SinkMessage message)
    {
        lock (gate)
        {
            all.Add(message);
            var waiter = waiters.FirstOrDefault(w => message.IsTo(w.Address));
            if (waiter.Message is not null)
            {
                waiters.Remove(waiter);
                waiter.Message.TrySetResult(message);
            }
            else
            {
                unclaimed.Add(message);
            }
        }
    }

    private static string AddressOf(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string? UserOf(string line)
    {
        // AUTH PLAIN <base64(authzid \0 user \0 password)>
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) return null;
        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(parts[2])).Split('\0');
        return fields.Length >= 2 ? fields[1] : null;
    }
}

/// <summary>One received message: the envelope and the parsed MIME message.</summary>
public sealed record SinkMessage(string From, IReadOnlyList<string> Recipients, string? AuthenticatedUser, MimeMessage Message)
{
    public string TextBody => Message.TextBody ?? "";

    public bool IsTo(string address) => Recipients.Any(r => string.Equals(r, address, StringComparison.OrdinalIgnoreCase));
}
