using System.Diagnostics.CodeAnalysis;
using Xunit.Sdk;

namespace Safedrop.Testing;

/// <summary>
/// A program a fixture needs from the machine. When it is missing, a developer's test is skipped
/// with the reason; under <c>CI=true</c> the test fails, so a missing install step is never hidden.
/// </summary>
public sealed record RequiredTool(string Name, string InstallCommand)
{
    public static bool RunningInCi { get; } = IsTrue(Environment.GetEnvironmentVariable("CI"));

    public string MissingMessage =>
        $"{Name} is not installed. Install it with `{InstallCommand}` (or run `bash .ci/run`, which installs every test tool).";

    /// <summary>Full path of an executable found on PATH, or null.</summary>
    public static string? FindOnPath(string executable)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, executable);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    /// <summary>Ends the current test: a failure under CI, a skip elsewhere.</summary>
    [DoesNotReturn]
    public void ReportMissing() => ReportMissing(RunningInCi);

    [DoesNotReturn]
    public void ReportMissing(bool runningInCi)
    {
        if (runningInCi)
        {
            throw new MissingToolException($"CI=true and a test tool is missing. {MissingMessage}");
        }

        throw SkipException.ForSkip(MissingMessage);
    }

    private static bool IsTrue(string? value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";
}
