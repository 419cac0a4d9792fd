using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Safedrop.Testing;

/// <summary>
/// A private <c>redis-server</c> for one test run: a free port on 127.0.0.1, no persistence, killed on dispose.
/// Register it once per test assembly with <c>[assembly: AssemblyFixture(typeof(RedisServer))]</c> and take it
/// in a test class constructor. Without redis-server a test that reads <see cref="ConnectionString"/> is
/// skipped, or fails under <c>CI=true</c>.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private static readonly RequiredTool Tool = new("redis-server", "apt-get install -y redis-server");
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private const int PortAttempts = 3;

    private ServerProcess? process;
    private Exception? startFailure;
    private bool missing;
    private int port;

    /// <summary>StackExchange.Redis configuration string for the server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public int Port
    {
        get
        {
            EnsureRunning();
            return port;
        }
    }

    public async ValueTask InitializeAsync()
    {
        var executable = RequiredTool.FindOnPath("redis-server");
        if (executable is null)
        {
            missing = true;
            return;
        }

        try
        {
            await StartAsync(executable);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or SocketException)
        {
            // Kept for the tests that use the server, so the others in the assembly still run.
            startFailure = e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null) await process.DisposeAsync();
    }

    private async Task StartAsync(string executable)
    {
        for (var attempt = 1; ; attempt++)
        {
            var candidate = FreePort.Next();
            var started = ServerProcess.Start(executable,
            [
                "--port", candidate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
            ]);
            try
            {
                await started.WaitForLineAsync(
                    line => line.Contains("Ready to accept connections", StringComparison.Ordinal),
                    StartTimeout,
                    "that it accepts connections");
                await EnsurePongAsync(candidate);
                process = started;
                port = candidate;
                return;
            }
            catch (InvalidOperationException) when (attempt < PortAttempts && started.RecentOutput.Contains("Address already in use", StringComparison.Ordinal))
            {
                // Another process took the free port between our probe and the server's bind.
                await started.DisposeAsync();
            }
            catch
            {
                await started.DisposeAsync();
                throw;
            }
        }
    }

    private static async Task EnsurePongAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(StartTimeout);
        var answer = Encoding.ASCII.GetString(buffer, 0, read);
        if (!answer.StartsWith("+PONG", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"redis-server on port {port} answered PING with '{answer.Trim()}'.");
        }
    }

    private void EnsureRunning()
    {
        if (missing) Tool.ReportMissing();
        if (startFailure is not null) throw new InvalidOperationException("redis-server did not start: " + startFailure.Message, startFailure);
        if (process is null) throw new InvalidOperationException("RedisServer is not initialized; register it as an xunit assembly or class fixture.");
    }
}
