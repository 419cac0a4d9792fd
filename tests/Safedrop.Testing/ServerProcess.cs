using System.Diagnostics;

namespace Safedrop.Testing;

/// <summary>
/// A server started by a fixture as a child process. It keeps its recent output for error messages,
/// lets the fixture await a line it prints, and is killed with its children on dispose (and, as a last
/// resort, when the test host exits without disposing it).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(10);

    private readonly Process process;
    private readonly Lock gate = new();
    private readonly Queue<string> recentLines = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Line)> waiters = [];
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process)
    {
        this.process = process;
    }

    public string Name => process.StartInfo.FileName;

    public bool HasExited => process.HasExited;

    public string RecentOutput
    {
        get
        {
            lock (gate) return string.Join(Environment.NewLine, recentLines);
        }
    }

    public static ServerProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // the server never waits on the test host's console
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.Exited += (_, _) => server.exited.TrySetResult();

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += server.OnHostExit;
        return server;
    }

    /// <summary>Waits for the first output line that matches, failing with the output when the process exits first or time runs out.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> matches, TimeSpan timeout, string description)
    {
        var line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            var seen = recentLines.FirstOrDefault(matches);
            if (seen is not null) return seen;
            waiters.Add((matches, line));
        }

        try
        {
            var first = await Task.WhenAny(line.Task, exited.Task).WaitAsync(timeout);
            if (first == line.Task) return await line.Task;

            await process.WaitForExitAsync(); // drains the rest of the output for the message below
            throw new InvalidOperationException(
                $"{Name} exited with code {process.ExitCode} before {description}. Its output:{Environment.NewLine}{RecentOutput}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(
                $"{Name} did not report {description} within {timeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{RecentOutput}", e);
        }
        finally
        {
            lock (gate) waiters.RemoveAll(w => w.Line == line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnHostExit;
        Kill();
        try
        {
            await process.WaitForExitAsync().WaitAsync(KillTimeout);
        }
        catch (TimeoutException)
        {
            // The kill signal was sent; a process that ignores SIGKILL for this long is the kernel's business.
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (gate)
        {
            recentLines.Enqueue(line);
            if (recentLines.Count > KeptLines) recentLines.Dequeue();
            foreach (var waiter in waiters.Where(w => w.Matches(line)))
            {
                waiter.Line.TrySetResult(line);
            }
        }
    }

    private void OnHostExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }
}
