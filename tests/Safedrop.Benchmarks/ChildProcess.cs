using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Safedrop.Testing;

namespace Safedrop.Benchmarks;

/// <summary>Peak (VmHWM) and current (VmRSS) resident memory of a process, in MiB.</summary>
internal readonly record struct ProcessMemory(double PeakMiB, double CurrentMiB);

/// <summary>
/// A built Safedrop program run as `dotnet &lt;dll&gt; ...`: its own process, so the memory it reports is
/// its own and not the benchmark's or the fake API server's. Keeps its recent output for error
/// messages and is killed on dispose (or when the benchmark exits without disposing it).
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 100;
    private readonly Process process;
    private readonly Queue<string> recent = new();
    private Action<string>? onLine;

    private ChildProcess(Process process) => this.process = process;

    public string Name { get; private init; } = "";

    public int Id => process.Id;

    public string RecentOutput
    {
        get
        {
            lock (recent) return string.Join(Environment.NewLine, recent);
        }
    }

    /// <summary>The built dll of a project (the same configuration as this benchmark), for example operator/Safedrop.Operator.</summary>
    public static string BuiltDll(string projectFolder)
    {
        var output = typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ChildOutput").Value!;
        var dll = Path.Combine(RepositoryPaths.Root, projectFolder, output, Path.GetFileName(projectFolder) + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built; build tests/Safedrop.Benchmarks (it builds {projectFolder} too).", dll);
    }

    /// <param name="onLine">Sees every output line as it arrives (the PIN benchmark reads local mode's console mail this way).</param>
    public static ChildProcess Start(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var child = new ChildProcess(new Process { StartInfo = start }) { Name = Path.GetFileNameWithoutExtension(dll), onLine = onLine };
        child.process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        child.process.Start();
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += child.OnBenchmarkExit;
        return child;
    }

    /// <summary>Waits until GET <paramref name="url"/> answers 200, failing with the child's output if it exits or time runs out.</summary>
    public async Task WaitUntilOkAsync(HttpClient http, string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before {url} answered. Its output:{Environment.NewLine}{RecentOutput}");
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"{url} did not answer 200 within {timeout.TotalSeconds:0} s. {Name}'s output:{Environment.NewLine}{RecentOutput}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>Reads /proc/&lt;pid&gt;/status (Linux): the high-water mark and the current resident set.</summary>
    public ProcessMemory Memory()
    {
        double Field(string[] lines, string name) =>
            double.Parse(lines.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;

        var status = File.ReadAllLines($"/proc/{process.Id}/status");
        return new ProcessMemory(Field(status, "VmHWM"), Field(status, "VmRSS"));
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnBenchmarkExit;
        Kill();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        onLine?.Invoke(line);
        lock (recent)
        {
            recent.Enqueue(line);
            if (recent.Count > KeptLines) recent.Dequeue();
        }
    }

    private void OnBenchmarkExit(object? sender, EventArgs e) => Kill();

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
