using System.Diagnostics;
using Safedrop.Crypto.Tests.Vectors;
using Safedrop.Testing;

namespace Safedrop.Crypto.Tests;

/// <summary>The portal's WebCrypto port agrees with Safedrop.Crypto on the committed vectors (run in node here, in chromium by the portal tests).</summary>
public sealed class JavaScriptVectorsTests
{
    private static readonly RequiredTool Node = new("node", "apt-get install -y nodejs");
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_Agree_With_The_Vectors_When_The_JavaScript_Port_Runs_In_Node()
    {
        var node = RequiredTool.FindOnPath("node");
        if (node is null) Node.ReportMissing();

        var runner = Path.Combine(VectorFile.VectorsDirectory, "check-js.mjs");
        var module = Path.Combine(RepositoryPaths.Root, "api", "Safedrop.Api", "wwwroot", "js", "safedrop-crypto.js");
        var startInfo = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[] { runner, VectorFile.FilePath, module }) startInfo.ArgumentList.Add(argument);

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("node did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(RunTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"check-js.mjs exited with {process.ExitCode}:\n{await output}\n{await errors}");
        Assert.StartsWith("ok:", await output, StringComparison.Ordinal);
    }
}
