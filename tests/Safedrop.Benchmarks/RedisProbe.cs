using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Safedrop.Benchmarks;

/// <summary>One Redis command with an integer answer over the Redis protocol, so the benchmarks need no Redis client of their own.</summary>
internal static class RedisProbe
{
    /// <param name="arguments">The command and its arguments, e.g. <c>DBSIZE</c> or <c>XLEN key</c>.</param>
    public static async Task<long> IntegerAsync(int port, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = tcp.GetStream();
        var request = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{arguments.Count}\r\n");
        foreach (var argument in arguments) request.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(argument)}\r\n{argument}\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken);
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        var answer = Encoding.ASCII.GetString(buffer, 0, read).Trim();
        return answer.StartsWith(':')
            ? long.Parse(answer[1..], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"redis-server answered {arguments[0]} with '{answer}'.");
    }
}
