using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Safedrop.Api.Tests.Hosting;

/// <summary>
/// The built API run as its own process, the way the README starts it: for what only a real process
/// shows (command-line switches, paths relative to the working directory, exit on a start-up error).
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private const string ListeningLine = "Now listening on: ";
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ApiProcess(Process process) => this.process = process;

    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    public static ApiProcess Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Safedrop.Api.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";

        var api = new ApiProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        api.process.OutputDataReceived += (_, e) => api.Append(e.Data);
        api.process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        api.process.Start();
        api.process.BeginOutputReadLine();
        api.process.BeginErrorReadLine();
        return api;
    }

    /// <summary>A loopback URL on a port that was free a moment ago.</summary>
    public static string FreeLocalUrl()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    /// <summary>The address the server announced, once it listens.</summary>
    public async Task<Uri> WaitUntilListeningAsync(TimeSpan timeout)
    {
        var exited = process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var first = await Task.WhenAny(listening.Task, exited).WaitAsync(timeout, TestContext.Current.CancellationToken);
        if (first == exited) throw new InvalidOperationException("The API exited before listening:\n" + Output);
        return await listening.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
        var at = line.IndexOf(ListeningLine, StringComparison.Ordinal);
        if (at >= 0) listening.TrySetResult(new Uri(line[(at + ListeningLine.Length)..].Trim()));
    }
}
